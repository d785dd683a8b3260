import type { DefinitionInput } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { catalogueOf } from '../../src/definitions/store.ts';

type Flow = [source: string, target: string, extra?: { condition?: string; default?: boolean }];

/** Flows from `[source, target]` pairs, with ids f1, f2, … in order. */
const flows = (...pairs: Flow[]) =>
  pairs.map(([source, target, extra], i) => ({ id: `f${i + 1}`, source, target, ...extra }));

/** start → split → a, b → join → end: completing a and b at once must fire the join once. */
export const joinProcess: DefinitionInput = {
  key: 'join',
  name: 'Parallel join',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel' },
    { id: 'a', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'b', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'join', type: 'parallel' },
    { id: 'end', type: 'end' },
  ],
  flows: flows(
    ['start', 'split'],
    ['split', 'a'],
    ['split', 'b'],
    ['a', 'join'],
    ['b', 'join'],
    ['join', 'end'],
  ),
};

/** start → one task → end. */
export const singleTaskProcess: DefinitionInput = {
  key: 'single',
  name: 'One task',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'task', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'end', type: 'end' },
  ],
  flows: flows(['start', 'task'], ['task', 'end']),
};

/** One task, started with `notes`: a long text makes a state wide enough to be remembered between steps. */
export const notedTaskProcess: DefinitionInput = {
  ...singleTaskProcess,
  key: 'noted',
  parameters: [{ id: 'notes', type: 'string' }],
};

/** A task with an interrupting one-hour timer boundary: completing the task withdraws the timer. */
export const deadlineProcess: DefinitionInput = {
  key: 'deadline',
  name: 'Task with a deadline',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'task', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'late', type: 'timerBoundary', attachedTo: 'task', config: { duration: 'PT1H' } },
    { id: 'done', type: 'end' },
    { id: 'escalated', type: 'end' },
  ],
  flows: flows(['start', 'task'], ['task', 'done'], ['late', 'escalated']),
};

/**
 * A message wait beside a task that ends the process (terminate): the instance completes while the
 * message subscription is still open.
 */
export const messageRaceProcess: DefinitionInput = {
  key: 'message-race',
  name: 'Message or task',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel' },
    { id: 'paid', type: 'message', config: { message: 'paid' } },
    { id: 'task', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'received', type: 'end' },
    { id: 'stop', type: 'terminate' },
  ],
  flows: flows(
    ['start', 'split'],
    ['split', 'paid'],
    ['split', 'task'],
    ['paid', 'received'],
    ['task', 'stop'],
  ),
};

/**
 * The approval process of the crash test: approve → exclusive → parallel a, b → join → webhook → end.
 * Its webhook posts `{ n }` to `hookUrl`.
 */
export function approvalProcess(hookUrl: string): DefinitionInput {
  return {
    key: 'approval',
    name: 'Approval',
    parameters: [{ id: 'n', type: 'number', required: true }],
    variables: [{ id: 'approved', type: 'boolean' }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'approve', type: 'userTask', config: { kind: 'approve' } },
      { id: 'decision', type: 'exclusive' },
      { id: 'split', type: 'parallel' },
      { id: 'a', type: 'userTask', config: { kind: 'acknowledge' } },
      { id: 'b', type: 'userTask', config: { kind: 'acknowledge' } },
      { id: 'join', type: 'parallel' },
      { id: 'hook', type: 'webhook', config: { url: hookUrl, body: { n: 'n' } } },
      { id: 'done', type: 'end' },
      { id: 'refused', type: 'end' },
    ],
    flows: flows(
      ['start', 'approve'],
      ['approve', 'decision'],
      ['decision', 'split', { condition: 'approved' }],
      ['decision', 'refused', { default: true }],
      ['split', 'a'],
      ['split', 'b'],
      ['a', 'join'],
      ['b', 'join'],
      ['join', 'hook'],
      ['hook', 'done'],
    ),
  };
}

/** The timer process of the crash test: timer PT1S → webhook → timer PT1S → end. */
export function timerProcess(hookUrl: string): DefinitionInput {
  return {
    key: 'timers',
    name: 'Timers',
    parameters: [{ id: 'n', type: 'number', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'first', type: 'timer', config: { duration: 'PT1S' } },
      { id: 'hook', type: 'webhook', config: { url: hookUrl, body: { n: 'n' } } },
      { id: 'second', type: 'timer', config: { duration: 'PT1S' } },
      { id: 'end', type: 'end' },
    ],
    flows: flows(['start', 'first'], ['first', 'hook'], ['hook', 'second'], ['second', 'end']),
  };
}

/** The cluster test's process: three parallel tasks and a one-second timer, joined. */
export const clusterProcess: DefinitionInput = {
  key: 'cluster',
  name: 'Three tasks and a timer',
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'split', type: 'parallel' },
    { id: 't1', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 't2', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 't3', type: 'userTask', config: { kind: 'acknowledge' } },
    { id: 'wait', type: 'timer', config: { duration: 'PT1S' } },
    { id: 'join', type: 'parallel' },
    { id: 'end', type: 'end' },
  ],
  flows: flows(
    ['start', 'split'],
    ['split', 't1'],
    ['split', 't2'],
    ['split', 't3'],
    ['split', 'wait'],
    ['t1', 'join'],
    ['t2', 'join'],
    ['t3', 'join'],
    ['wait', 'join'],
    ['join', 'end'],
  ),
};

/** Stores a definition as published version 1 (what the definitions API does on publish). */
export async function publish(db: Kysely<Database>, definition: DefinitionInput, version = 1): Promise<void> {
  await db
    .insertInto('definitions')
    .values({
      key: definition.key,
      version,
      status: 'published',
      name: definition.name,
      json: JSON.stringify({ ...definition, version }),
      bpmn: null,
      created_by: 'test',
      created_at: 0,
      published_at: 0,
      ...catalogueOf(definition),
    })
    .execute();
}

type NodeJson = { id: string; type: string; config?: Record<string, unknown> };

/** start → `node` → end, with the parameters and variables `declared` (API JSON). */
export const oneStep = (
  key: string,
  node: NodeJson,
  declared: { parameters?: Record<string, unknown>[]; variables?: Record<string, unknown>[] } = {},
) => ({
  key,
  name: key,
  ...declared,
  nodes: [{ id: 'start', type: 'start' }, node, { id: 'end', type: 'end' }],
  flows: flows(['start', node.id], [node.id, 'end']),
});

/** A template of one acknowledgment for the user named by the `doer` parameter (API JSON). */
export const errand = (key: string, name = `Errand (${key})`) => ({
  key,
  name,
  parameters: [{ id: 'doer', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'do', type: 'userTask', name: 'Do it', config: { kind: 'acknowledge', assignees: ['doer'] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'do' },
    { id: 'f2', source: 'do', target: 'end' },
  ],
});

/** start → webhook → end: the webhook posts `{ n }` to `hookUrl` after the instance has ended. */
export function webhookProcess(hookUrl: string): DefinitionInput {
  return {
    key: 'hook',
    name: 'Webhook',
    parameters: [{ id: 'n', type: 'number', required: true }],
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'hook', type: 'webhook', config: { url: hookUrl, body: { n: 'n' } } },
      { id: 'end', type: 'end' },
    ],
    flows: flows(['start', 'hook'], ['hook', 'end']),
  };
}

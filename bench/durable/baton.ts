import type { Answer, Effect } from '@baton/engine';
import pino from 'pino';
import { catalogueOf } from '../../packages/server/src/definitions/store.ts';
import { applyEvent } from '../../packages/server/src/instances/apply.ts';
import { startInstance } from '../../packages/server/src/instances/start.ts';
import { boot } from '../../packages/server/src/runtime/boot.ts';
import type { Runtime } from '../../packages/server/src/runtime/context.ts';
import type { RunInstance } from '../engines.ts';
import type { BenchProcess } from '../processes.ts';

/** A durable Baton on one database: instances run through the service layer, as the REST API calls it. */
export interface DurableBaton {
  run: RunInstance;
  close(): Promise<void>;
}

/** Called after each instance with the milliseconds of each of its task completions, in order. */
export type OnSteps = (ms: readonly number[]) => void;

interface OpenTask {
  taskId: string;
  nodeId: string;
}

/**
 * Boots the runtime on `databaseUrl` (migrations included, no job worker: these processes enqueue no
 * jobs) and publishes the process. An instance is `startInstance` (one transaction), then every open
 * task completed with `applyEvent` (one transaction each) in creation order; the open tasks after the
 * start are read from the tasks table, later ones come from each step's `createTask` effects.
 */
export async function prepareDurableBaton(
  p: BenchProcess,
  databaseUrl: string,
  onSteps?: OnSteps,
): Promise<DurableBaton> {
  const baton = await boot({
    databaseUrl,
    worker: false,
    adminToken: 'bench',
    log: pino({ level: 'silent' }),
  });
  const { rt } = baton;
  await publish(rt, p);
  const run: RunInstance = async () => {
    const steps: number[] = [];
    const used = new Map<string, number>();
    const started = await startInstance(rt, { definitionKey: p.name, startedBy: 'bench' });
    const { id } = started;
    let status = started.status;
    const open = status === 'running' ? await openTasks(rt, id) : [];
    let visited = open.length;
    for (let task = open.shift(); task; task = open.shift()) {
      const t = performance.now();
      const { result } = await applyEvent(rt, id, {
        type: 'taskCompleted',
        taskId: task.taskId,
        variables: answerFor(p.answers, used, task.nodeId),
      });
      steps.push(performance.now() - t);
      visited += follow(result.effects, open);
      status = result.state.status;
    }
    if (status !== 'completed') throw new Error(`baton ${p.name}: instance ${id} ended ${status}`);
    onSteps?.(steps);
    return visited;
  };
  return { run, close: () => baton.close() };
}

/** Inserts the process as published version 1 (what the definitions API does on publish). */
async function publish(rt: Runtime, p: BenchProcess): Promise<void> {
  const now = rt.now();
  await rt.db.kysely
    .insertInto('definitions')
    .values({
      key: p.name,
      version: 1,
      status: 'published',
      name: p.name,
      json: JSON.stringify(p.baton),
      bpmn: null,
      created_by: 'bench',
      created_at: now,
      published_at: now,
      ...catalogueOf(p.baton),
    })
    .execute();
}

async function openTasks(rt: Runtime, instanceId: string): Promise<OpenTask[]> {
  const rows = await rt.db.kysely
    .selectFrom('tasks')
    .select(['id', 'node_id'])
    .where('instance_id', '=', instanceId)
    .where('status', '=', 'open')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ taskId: r.id.slice(instanceId.length + 1), nodeId: r.node_id }));
}

/** Adds the step's new tasks to `open`, drops cancelled ones; returns how many were created. */
function follow(effects: readonly Effect[], open: OpenTask[]): number {
  let created = 0;
  for (const e of effects) {
    if (e.type === 'createTask') {
      open.push({ taskId: e.taskId, nodeId: e.nodeId });
      created++;
    } else if (e.type === 'cancelTask') {
      const i = open.findIndex((t) => t.taskId === e.taskId);
      if (i >= 0) open.splice(i, 1);
    }
  }
  return created;
}

/** The n-th answer for the n-th task of a node, as in the in-memory harness. */
function answerFor(answers: Record<string, Answer[]>, used: Map<string, number>, nodeId: string) {
  const n = used.get(nodeId) ?? 0;
  used.set(nodeId, n + 1);
  const { $after: _after, $outcome: _outcome, ...variables } = answers[nodeId]?.[n] ?? {};
  return variables;
}

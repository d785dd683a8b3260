import { expect } from 'vitest';
import {
  type CompiledDefinition,
  compile,
  type DefinitionInput,
  type Effect,
  type EngineEvent,
  emptyState,
  formatProblem,
  type HistoryEvent,
  type HistoryType,
  type InstanceState,
  type Problem,
  type StepContext,
  type StepResult,
  stateJson,
  step,
} from '../src/index.ts';

type NodeInput = DefinitionInput['nodes'][number];
type FlowInput = NonNullable<DefinitionInput['flows']>[number];

/** Monday 2026-01-05 09:00 UTC: the clock every test starts from. */
export const T0 = Date.UTC(2026, 0, 5, 9);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

// ── definition builders ─────────────────────────────────────────────────────

/** A node; `config` omitted when empty. */
export function node(
  id: string,
  type: string,
  config?: Record<string, unknown>,
  extra: Partial<NodeInput> = {},
): NodeInput {
  return { id, type, ...(config ? { config } : {}), ...extra };
}

export const start = (id = 'start', extra: Partial<NodeInput> = {}) => node(id, 'start', undefined, extra);
export const end = (id = 'end', extra: Partial<NodeInput> = {}) => node(id, 'end', undefined, extra);
export const auto = (id: string, extra: Partial<NodeInput> = {}) => node(id, 'automatic', undefined, extra);
export const task = (id: string, config: Record<string, unknown> = {}, extra: Partial<NodeInput> = {}) =>
  node(id, 'userTask', config, extra);
export const gateway = (id: string, kind: 'exclusive' | 'parallel' | 'inclusive' | 'eventBased') =>
  node(id, kind);

/** A flow with id `source->target` unless given. */
export function flow(source: string, target: string, extra: Partial<FlowInput> = {}): FlowInput {
  return { id: `${source}->${target}`, source, target, ...extra };
}

/** Flows joining the ids in order: chain('a', 'b', 'c') = a→b, b→c. */
export function chain(...ids: string[]): FlowInput[] {
  return ids.slice(1).map((id, i) => flow(ids[i] as string, id));
}

/** A definition with key `test`; everything else from `parts`. */
export function definition(
  parts: Partial<DefinitionInput> & Pick<DefinitionInput, 'nodes'>,
): DefinitionInput {
  return { key: 'test', name: 'Test', ...parts };
}

/** Compiles or fails the test with every problem listed. */
export function compiled(input: DefinitionInput | unknown): CompiledDefinition {
  const out = compile(input);
  if (!out.ok) throw new Error(`definition does not compile:\n${out.problems.map(formatProblem).join('\n')}`);
  return out.compiled;
}

/** The problems of a definition that must not compile. */
export function problemsOf(input: unknown): Problem[] {
  const out = compile(input);
  if (out.ok) throw new Error('expected the definition not to compile');
  return out.problems;
}

/** Problems without their human-readable message, to compare code and location exactly. */
export const located = (problems: Problem[]) => problems.map(({ message: _message, ...rest }) => rest);

/** A straight line: start → the given nodes → end. */
export function line(nodes: NodeInput[], parts: Partial<DefinitionInput> = {}): DefinitionInput {
  return definition({
    ...parts,
    nodes: [start(), ...nodes, end()],
    flows: chain('start', ...nodes.map((n) => n.id), 'end'),
  });
}

// ── running an instance ─────────────────────────────────────────────────────

/**
 * Drives one instance through `step`, keeping the state, the clock and everything emitted. Every step
 * also checks purity: the input state deep-equals a clone taken before the call.
 */
export class Instance {
  state: InstanceState = emptyState();
  now: number;
  readonly history: HistoryEvent[] = [];
  readonly effects: Effect[] = [];
  last: StepResult = { state: this.state, effects: [], history: [] };

  constructor(
    readonly compiled: CompiledDefinition,
    readonly ctx: Omit<StepContext, 'now'> = {},
    now = T0,
  ) {
    this.now = now;
  }

  static of(input: DefinitionInput, ctx: Omit<StepContext, 'now'> = {}): Instance {
    return new Instance(compiled(input), ctx);
  }

  send(event: EngineEvent): StepResult {
    const before = structuredClone(this.state);
    const input = this.state;
    let result: StepResult;
    try {
      result = step(this.compiled, input, event, { ...this.ctx, now: this.now });
    } finally {
      expect(input, 'step must not modify its input state').toEqual(before);
    }
    const json = JSON.stringify(result.state);
    expect(JSON.parse(json), 'a state must survive JSON as it is').toStrictEqual(result.state);
    expect(stateJson(result.state), 'stateJson must write what JSON.stringify writes').toBe(json);
    this.state = result.state;
    this.last = result;
    this.history.push(...result.history);
    this.effects.push(...result.effects);
    return result;
  }

  start(
    params: Record<string, unknown> = {},
    extra: Omit<Extract<EngineEvent, { type: 'start' }>, 'type'> = {},
  ) {
    return this.send({ type: 'start', params, ...extra });
  }

  /** Open tasks (waits of kind task), optionally at one node, in creation order. */
  tasks(nodeId?: string): string[] {
    return this.state.waits
      .filter((w) => w.kind === 'task' && (nodeId === undefined || w.nodeId === nodeId))
      .map((w) => w.id)
      .sort(bySeq);
  }

  /** The one open task at `nodeId`. */
  task(nodeId: string): string {
    const open = this.tasks(nodeId);
    if (open.length !== 1) throw new Error(`expected one open task at ${nodeId}, found ${open.length}`);
    return open[0] as string;
  }

  complete(
    nodeIdOrTask: string,
    outcome?: string,
    variables: Record<string, unknown> = {},
    actor?: { id: string; roles?: string[] },
  ) {
    const taskId = this.state.waits.some((w) => w.id === nodeIdOrTask)
      ? nodeIdOrTask
      : this.task(nodeIdOrTask);
    return this.send({
      type: 'taskCompleted',
      taskId,
      variables,
      ...(outcome ? { outcome } : {}),
      ...(actor ? { actor } : {}),
    });
  }

  /** Pending timers, earliest first. */
  timers(): { id: string; nodeId: string; dueAt: number }[] {
    return this.state.waits
      .flatMap((w) => (w.kind === 'timer' ? [{ id: w.id, nodeId: w.nodeId, dueAt: w.dueAt }] : []))
      .sort((a, b) => a.dueAt - b.dueAt || bySeq(a.id, b.id));
  }

  /** Moves the clock to the earliest timer (optionally of one node) and fires it. */
  fireNext(nodeId?: string) {
    const timer = this.timers().find((t) => nodeId === undefined || t.nodeId === nodeId);
    if (!timer) throw new Error(`no pending timer${nodeId ? ` at ${nodeId}` : ''}`);
    this.now = Math.max(this.now, timer.dueAt);
    return this.send({ type: 'timerFired', timerId: timer.id });
  }

  message(name: string, correlationKey: string | null = null, payload: Record<string, unknown> = {}) {
    return this.send({ type: 'message', name, correlationKey, payload });
  }

  command(command: string, actor?: { id: string; roles?: string[] }, payload?: Record<string, unknown>) {
    return this.send({
      type: 'command',
      command,
      ...(actor ? { actor } : {}),
      ...(payload ? { payload } : {}),
    });
  }
}

/** Where the live tokens are: `nodeId:phase`, sorted. */
export function tokensAt(state: InstanceState): string[] {
  return state.tokens.map((t) => `${t.nodeId}:${t.phase}`).sort();
}

const bySeq = (a: string, b: string) => Number(a.replace(/\D/g, '')) - Number(b.replace(/\D/g, ''));

// ── reading results ─────────────────────────────────────────────────────────

/** History as `type nodeId` lines (only the given types when asked), for exact comparisons. */
export function trace(history: readonly HistoryEvent[], types?: readonly HistoryType[]): string[] {
  return history
    .filter((h) => types === undefined || types.includes(h.type))
    .map((h) => (h.nodeId === undefined ? h.type : `${h.type} ${h.nodeId}`));
}

/** Node ids of the history events of one type, in order. */
export function nodesOf(history: readonly HistoryEvent[], type: HistoryType): string[] {
  return history.filter((h) => h.type === type).map((h) => h.nodeId ?? '');
}

/** Effects of one type. */
export function effectsOf<T extends Effect['type']>(
  effects: readonly Effect[],
  type: T,
): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

/** Effects as `type nodeId` lines. */
export function effectTrace(effects: readonly Effect[]): string[] {
  return effects.map((e) => `${e.type} ${e.nodeId}`);
}

import type { z } from 'zod';
import type { CompiledNode } from '../compile/compiled.ts';
import type { Field } from '../model/fields.ts';
import type { Assignment } from '../runtime/directory.ts';
import type { Delegation, Effect, TaskKind, TaskOutcome } from '../runtime/effects.ts';
import type { Actor } from '../runtime/events.ts';

/** Palette group of an activity in the designer. */
export type ActivityCategory = 'people' | 'messages' | 'documents' | 'crm' | 'data' | 'flow';

/** A CEL expression or template inside an activity's config, declared so `compile` checks it up front. */
export interface ConfigExpression {
  path: ReadonlyArray<string | number>;
  source: string;
  mode: 'expression' | 'template';
}

/** Outbox effects an activity emits; the engine fills in `key` and `nodeId`. */
export type OutboxEffect = DistributiveOmit<Extract<Effect, { key: string }>, 'key' | 'nodeId'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface TaskSpec {
  kind: TaskKind;
  title: string;
  description?: string;
  assignees: string[];
  redirects: { assignee: string; meantFor: string; reason: string }[];
  delegation: Delegation;
  dueAt: number | null;
  fields: Field[];
  outcomes: TaskOutcome[];
}

/** Why a waiting activity is resumed. */
export type Resumption =
  | { kind: 'task'; taskId: string; outcome?: string; variables: Record<string, unknown>; actor?: Actor }
  | { kind: 'timer'; timerId: string }
  | { kind: 'message'; waitId: string; payload: Record<string, unknown> };

/**
 * What an activity may do while it runs: read and write process data, emit effects, create waits.
 * Every call is recorded (history, effects) by the engine; the activity never touches state directly.
 */
export interface ActivityContext<C> {
  readonly node: CompiledNode;
  readonly config: C;
  readonly now: number;
  /** Evaluates a CEL expression from this activity's config in the token's scope. */
  evaluate(source: string): unknown;
  /** Renders a `{{ … }}` template from this activity's config. */
  render(template: string): string;
  setVariables(values: Record<string, unknown>): void;
  setDocumentFields(values: Record<string, unknown>): void;
  variable(name: string): unknown;
  documentField(name: string): unknown;
  /** Emits an outbox effect; answers its key, unique within the instance. */
  effect(effect: OutboxEffect): string;
  createTask(spec: TaskSpec): string;
  /** The people behind assignee references, through the context's directory (absences applied). */
  expandAssignees(refs: readonly string[]): Assignment[];
  /** Cancels open tasks of this activity, in order (at once: one by one was quadratic in their number). */
  cancelTasks(taskIds: readonly string[], reason: string): void;
  scheduleTimer(dueAt: number): string;
  cancelTimer(timerId: string): void;
  subscribe(message: string, correlationKey: string | null): string;
  /** Adds an ISO 8601 duration to `from`, in working time when asked and a calendar is given. */
  addDuration(from: number, iso: string, workingTime: boolean): number;
  /** Private per-activation data, kept in the instance state (JSON only). */
  data<T>(): T | undefined;
  setData(data: unknown): void;
  /** Throws a BPMN error: caught by an error boundary event, else the instance fails. */
  throwError(code: string, message: string): void;
}

export type ActivityOutcome = 'complete' | 'wait';

/** One activity type: its config schema and behaviour. One file each in activities/. */
export interface ActivityPlugin<C = unknown> {
  type: string;
  category: ActivityCategory;
  /** It waits for a task, a timer or a message: a loop through it is no busy loop, a state cannot run it on entry. */
  waits?: boolean;
  configSchema: z.ZodType<C>;
  /** Expressions and templates inside `config`, for compile-time checking. */
  expressions(config: C): ConfigExpression[];
  start(ctx: ActivityContext<C>): ActivityOutcome;
  /** Called when a task, timer or message the activity created resolves. */
  resume?(ctx: ActivityContext<C>, why: Resumption): ActivityOutcome;
  /** A task the activity created changed hands; returns who held it before. */
  reassigned?(ctx: ActivityContext<C>, taskId: string, assignees: string[]): string[];
}

/** Type helper so each plugin file gets its config type inferred from its schema. */
export function defineActivity<S extends z.ZodType>(
  plugin: ActivityPlugin<z.output<S>> & { configSchema: S },
) {
  return plugin as ActivityPlugin<z.output<S>> & { configSchema: S };
}

/** Expressions in a list of sources at `key`: `[key, i]` paths. */
export function listExpressions(key: string, sources: readonly string[] | undefined): ConfigExpression[] {
  return (sources ?? []).map((source, i) => ({ path: [key, i], source, mode: 'expression' as const }));
}

/** Expressions in a record of sources at `key`. */
export function recordExpressions(
  key: string,
  sources: Record<string, string> | undefined,
): ConfigExpression[] {
  return Object.entries(sources ?? {}).map(([name, source]) => ({
    path: [key, name],
    source,
    mode: 'expression' as const,
  }));
}

/** A template at `key`, if present. */
export function templateAt(key: string, source: string | undefined): ConfigExpression[] {
  return source === undefined ? [] : [{ path: [key], source, mode: 'template' }];
}

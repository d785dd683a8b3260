import type { CompiledDefinition } from '../compile/compiled.ts';
import { createWorkCalendar } from '../expressions/calendar.ts';
import { addDuration, parseDuration } from '../expressions/duration.ts';
import type { WorkCalendar } from '../expressions/types.ts';
import { type Effect, SERVICE_COMPLETED_MESSAGE } from '../runtime/effects.ts';
import type { EngineEvent } from '../runtime/events.ts';
import type { HistoryEvent } from '../runtime/history.ts';
import { emptyState, type InstanceState } from '../runtime/state.ts';
import { step } from '../runtime/step.ts';

/**
 * How a simulated person answers one task (variables to merge, optionally an outcome and a delay), or a
 * plugin's activity answers one call (its outputs, or `$error`).
 */
export interface Answer {
  /** ISO 8601 duration after the task was created or the call made (default: at once). */
  $after?: string;
  /** Outcome id, e.g. "rejected". */
  $outcome?: string;
  /** A plugin's activity fails with this BPMN error code (and `$message`) instead of answering. */
  $error?: string;
  $message?: string;
  [variable: string]: unknown;
}

export interface SimulationOptions {
  params?: Record<string, unknown>;
  document?: Record<string, unknown> | null;
  starter?: string | null;
  /** Node id → answers, used in the order that node's tasks are created or its calls made. */
  answers?: Record<string, Answer[]>;
  /** Virtual clock start, epoch ms (default Monday 2026-01-05 09:00 UTC). */
  start?: number;
  /** Working-time calendar (default: Monday–Friday 09:00–18:00 UTC). */
  calendar?: WorkCalendar;
  /** Safety stop for processes that never end (cycle timers), in events (default 100,000). */
  maxEvents?: number;
  onHistory?: (event: HistoryEvent) => void;
}

export interface SimulationResult {
  state: InstanceState;
  /** Effects other than tasks and timers, in order: what the process would have sent. */
  effects: Effect[];
  now: number;
}

type Pending = { at: number; order: number } & (
  | { kind: 'task'; taskId: string; answer: Answer }
  | { kind: 'timer'; timerId: string }
  | { kind: 'service'; key: string; answer: Answer }
);

const idOf = (p: Pending) => (p.kind === 'task' ? p.taskId : p.kind === 'timer' ? p.timerId : p.key);

export const DEFAULT_SIMULATION_START = Date.UTC(2026, 0, 5, 9);

/**
 * Runs one instance to its end in memory on a virtual clock: tasks and plugins' activities are answered
 * from `answers`, timers fire when due, the clock jumps to the earliest (ties in creation order). An instance left
 * waiting for something no one will send (a message) fails with an explanation.
 */
export function simulate(compiled: CompiledDefinition, options: SimulationOptions = {}): SimulationResult {
  let now = options.start ?? DEFAULT_SIMULATION_START;
  const calendar = options.calendar ?? createWorkCalendar();
  const ctx = () => ({ now, calendar });
  const used = new Map<string, number>();
  const pending = new Map<string, Pending>();
  const effects: Effect[] = [];
  let order = 0;

  const apply = (result: ReturnType<typeof step>) => {
    for (const h of result.history) options.onHistory?.(h);
    const answerTo = (nodeId: string) => {
      const n = used.get(nodeId) ?? 0;
      used.set(nodeId, n + 1);
      const answer = options.answers?.[nodeId]?.[n] ?? {};
      return {
        answer,
        at: answer.$after ? addDuration(now, parseDuration(answer.$after)) : now,
        order: order++,
      };
    };
    for (const e of result.effects) {
      if (e.type === 'createTask')
        pending.set(e.taskId, { kind: 'task', taskId: e.taskId, ...answerTo(e.nodeId) });
      else if (e.type === 'runService') {
        pending.set(e.key, { kind: 'service', key: e.key, ...answerTo(e.nodeId) });
        effects.push(e);
      } else if (e.type === 'scheduleTimer')
        pending.set(e.timerId, { kind: 'timer', timerId: e.timerId, at: e.dueAt, order: order++ });
      else if (e.type === 'cancelTask') pending.delete(e.taskId);
      else if (e.type === 'cancelTimer') pending.delete(e.timerId);
      else if (e.type !== 'subscribeMessage' && e.type !== 'unsubscribeMessage') effects.push(e);
    }
    return result.state;
  };

  let state = apply(
    step(
      compiled,
      emptyState(),
      {
        type: 'start',
        params: options.params ?? {},
        document: options.document ?? null,
        starter: options.starter ?? null,
      },
      ctx(),
    ),
  );
  const max = options.maxEvents ?? 100_000;
  for (let events = 0; state.status === 'running'; events++) {
    const next = earliest(pending);
    if (!next || events >= max)
      return {
        state: stuck(state, next ? `stopped after ${max} events` : waitingOn(state), now, options),
        effects,
        now,
      };
    pending.delete(idOf(next));
    now = Math.max(now, next.at);
    if (next.kind === 'timer')
      state = apply(step(compiled, state, { type: 'timerFired', timerId: next.timerId }, ctx()));
    else if (next.kind === 'service') state = apply(step(compiled, state, serviceAnswer(next), ctx()));
    else {
      const { $after: _after, $outcome, ...variables } = next.answer;
      const event = {
        type: 'taskCompleted',
        taskId: next.taskId,
        variables,
        ...($outcome ? { outcome: $outcome } : {}),
      } as const;
      state = apply(step(compiled, state, event, ctx()));
    }
  }
  return { state, effects, now };
}

/** A plugin's activity answered as its answer says: its outputs, or its `$error`. */
function serviceAnswer(p: Extract<Pending, { kind: 'service' }>): EngineEvent {
  const { $after: _after, $outcome: _outcome, $error, $message, ...output } = p.answer;
  const payload = $error ? { error: { code: $error, message: $message ?? $error } } : { output };
  return { type: 'message', name: SERVICE_COMPLETED_MESSAGE, correlationKey: p.key, payload };
}

function earliest(pending: Map<string, Pending>): Pending | undefined {
  let best: Pending | undefined;
  for (const p of pending.values())
    if (!best || p.at < best.at || (p.at === best.at && p.order < best.order)) best = p;
  return best;
}

function waitingOn(state: InstanceState): string {
  const messages = state.waits.flatMap((w) =>
    w.kind === 'message' ? [`message "${w.message}" at ${w.nodeId}`] : [],
  );
  return messages.length > 0
    ? `nothing left to happen; still waiting for ${messages.join(', ')}`
    : 'nothing left to happen and the process has not ended';
}

function stuck(
  state: InstanceState,
  message: string,
  now: number,
  options: SimulationOptions,
): InstanceState {
  const error = { code: 'SIMULATION_STUCK', message };
  options.onHistory?.({ type: 'instance.failed', at: now, data: { error } });
  return { ...state, status: 'failed', error };
}

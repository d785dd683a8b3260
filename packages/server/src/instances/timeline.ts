import type { HistoryEvent } from '@baton/engine';
import { toIso } from '../util/time.ts';

/** A history event as the API gives it: numbered from 1, ISO time, `taskId` the API's (`instanceId:taskId`). */
export type HistoryView = Omit<HistoryEvent, 'at'> & { seq: number; at: string };

/** A timeline entry: the event, how long the step it ends took, and a completed task's comment. */
export type TimelineEntry = HistoryView & {
  tookMs: number | null;
  comment?: string;
};

export function historyView(instanceId: string, event: HistoryEvent, seq: number): HistoryView {
  return {
    seq,
    ...event,
    at: toIso(event.at),
    ...(event.taskId === undefined ? {} : { taskId: `${instanceId}:${event.taskId}` }),
  };
}

/** What a timeline shows unless asked for everything: the steps people care about, not every token move. */
export const KEY_EVENTS: ReadonlySet<string> = new Set([
  'instance.started',
  'task.created',
  'task.completed',
  'task.delegated',
  'task.reassigned',
  'task.expired',
  'task.cancelled',
  'timer.fired',
  'message.received',
  'gateway.decided',
  'instance.completed',
  'instance.terminated',
  'instance.failed',
  'command.invoked',
  'error.thrown',
]);

const TASK_ENDS = new Set(['task.completed', 'task.expired', 'task.cancelled']);
const INSTANCE_ENDS = new Set(['instance.completed', 'instance.terminated']);

/**
 * How long the step each event ends took, by position (null for events that end none): a task from
 * created to completed or cancelled, an activation from entered to completed, the instance from start
 * to end. Computed over the whole history, so an entry's start may lie on an earlier page.
 */
export function durations(history: readonly HistoryEvent[]): (number | null)[] {
  const taskStart = new Map<string, number>();
  const tokenStart = new Map<string, number>();
  let started: number | null = null;
  return history.map((event) => {
    const since = (from: number | null | undefined) => (from == null ? null : event.at - from);
    if (event.type === 'instance.started') started = event.at;
    else if (event.type === 'task.created' && event.taskId) taskStart.set(event.taskId, event.at);
    else if (event.type === 'node.entered' && event.tokenId) tokenStart.set(event.tokenId, event.at);
    else if (TASK_ENDS.has(event.type) && event.taskId) return since(taskStart.get(event.taskId));
    else if (event.type === 'node.completed' && event.tokenId) return since(tokenStart.get(event.tokenId));
    else if (INSTANCE_ENDS.has(event.type)) return since(started);
    return null;
  });
}

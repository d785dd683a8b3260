import type { HistoryEntry } from '../api/types.ts';

/** What the timeline shows by default: the steps people care about, not every token move. */
export const KEY_EVENTS = new Set([
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

export interface TimelineItem {
  entry: HistoryEntry;
  /** How long the step took, for entries that end one (a task completed, a node left). */
  tookMs: number | null;
}

/** Pairs each ending entry with its beginning (task created → completed, node entered → completed). */
export function timeline(history: readonly HistoryEntry[]): TimelineItem[] {
  const taskStart = new Map<string, number>();
  const tokenStart = new Map<string, number>();
  let started: number | null = null;
  return history.map((entry) => {
    const at = Date.parse(entry.at);
    let tookMs: number | null = null;
    if (entry.type === 'instance.started') started = at;
    if (entry.type === 'task.created' && entry.taskId) taskStart.set(entry.taskId, at);
    if (entry.type === 'node.entered' && entry.tokenId) tokenStart.set(entry.tokenId, at);
    if (
      (entry.type === 'task.completed' || entry.type === 'task.expired' || entry.type === 'task.cancelled') &&
      entry.taskId
    ) {
      const from = taskStart.get(entry.taskId);
      if (from !== undefined) tookMs = at - from;
    }
    if (entry.type === 'node.completed' && entry.tokenId) {
      const from = tokenStart.get(entry.tokenId);
      if (from !== undefined) tookMs = at - from;
    }
    if ((entry.type === 'instance.completed' || entry.type === 'instance.terminated') && started !== null)
      tookMs = at - started;
    return { entry, tookMs };
  });
}

/**
 * The nodes the instance is at now: entered and not yet left (by token), in the order entered. A running
 * instance's open tasks are among them; gateways waiting to join show too.
 */
export function currentNodes(history: readonly HistoryEntry[]): string[] {
  const open = new Map<string, string>();
  for (const entry of history) {
    if (!entry.tokenId || !entry.nodeId) continue;
    if (entry.type === 'node.entered') open.set(entry.tokenId, entry.nodeId);
    else if (entry.type === 'node.completed' || entry.type === 'node.cancelled') open.delete(entry.tokenId);
  }
  return [...new Set(open.values())];
}

/** Everyone who took part: who started it, who had or completed a task, who acted in the history. */
export function participants(
  startedBy: string | null,
  tasks: readonly { assignees: string[]; completedBy: string | null }[],
  history: readonly HistoryEntry[],
): string[] {
  const people = new Set<string>();
  if (startedBy) people.add(startedBy);
  for (const task of tasks) {
    for (const a of task.assignees) people.add(a);
    if (task.completedBy) people.add(task.completedBy);
  }
  for (const entry of history) if (entry.actor) people.add(entry.actor);
  return [...people];
}

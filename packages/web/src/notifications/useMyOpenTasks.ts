import { INBOX_POLL_MS, useTaskList } from '../api/tasks.ts';
import type { Task } from '../api/types.ts';
import { useLiveConnected } from './live.ts';

/** The filters of "my open tasks": shared by the menu badge, the bell and the inbox, so one query feeds all. */
export const MY_OPEN_TASKS = { scope: 'mine', status: 'open' } as const;

/**
 * How often lists of my work refetch by themselves: never while the event stream is open (it says when
 * something changes), every 15 s while it is down.
 */
export function useLivePoll(): number | false {
  return useLiveConnected() ? false : INBOX_POLL_MS;
}

/** My open tasks (the first page), kept current by the event stream or, without it, by polling. */
export function useMyOpenTasks(): { tasks: Task[]; count: number; hasMore: boolean } {
  const list = useTaskList(MY_OPEN_TASKS, { pollMs: useLivePoll() });
  const tasks = list.data?.pages.flatMap((p) => p.items) ?? [];
  return { tasks, count: tasks.length, hasMore: list.hasNextPage };
}

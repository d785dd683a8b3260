import { useTaskList } from '../api/tasks.ts';
import type { Task } from '../api/types.ts';

/** The filters of "my open tasks": shared by the menu badge, the bell and the inbox, so one poll feeds all. */
export const MY_OPEN_TASKS = { scope: 'mine', status: 'open' } as const;

/**
 * My open tasks, refreshed every 15 s. The server has no event stream yet (no /api/v1/events), so the
 * bell and the badge poll; when SSE arrives this hook is the one place to switch.
 */
export function useMyOpenTasks(): { tasks: Task[]; count: number; hasMore: boolean } {
  const list = useTaskList(MY_OPEN_TASKS, { poll: true });
  const tasks = list.data?.pages.flatMap((p) => p.items) ?? [];
  const hasMore = list.hasNextPage;
  return { tasks, count: tasks.length, hasMore };
}

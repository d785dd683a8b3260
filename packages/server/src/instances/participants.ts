import type { HistoryEvent } from '@baton/engine';
import type { TaskView } from '../tasks/service.ts';

/** Everyone who took part, first seen first: who started it, who had or completed a task, who acted in it. */
export function participantsOf(
  startedBy: string | null,
  tasks: readonly Pick<TaskView, 'assignees' | 'completedBy'>[],
  history: readonly HistoryEvent[],
): string[] {
  const people = new Set<string>();
  if (startedBy) people.add(startedBy);
  for (const task of tasks) {
    for (const a of task.assignees) people.add(a);
    if (task.completedBy) people.add(task.completedBy);
  }
  for (const event of history) if (event.actor) people.add(event.actor);
  return [...people];
}

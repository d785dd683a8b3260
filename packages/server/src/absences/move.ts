import type { OrgDirectory } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import { publishUserEvent, taskAssigned } from '../events/user-events.ts';
import { recordReassignment } from '../instances/reassign.ts';

export interface MoveOptions {
  /** Honour a template's `options.onAbsence: 'wait'` (an absence); a deactivated user's work always moves. */
  honourWait: boolean;
  /** Who caused the move, for the history (null: the system, e.g. an absence starting). */
  actor: string | null;
}

interface Redirect {
  assignee: string;
  meantFor: string;
  reason: string;
}

/** A task handed to stand-ins, for whoever announces it (mail/task-jobs.ts). */
export interface MovedTask {
  id: string;
  instanceId: string;
  /** Who it went to. */
  assignees: string[];
}

/**
 * Hands `userId`'s open tasks to whoever stands in for them at `at` (their deputy, else their head —
 * as a new task would go), inside the caller's transaction: the task's assignees and `task_assignees`
 * change, and the engine records the move (reminders and escalation then address the stand-in; each
 * instance gets a `task.reassigned` history row naming whom the task was meant for and why). Returns
 * the tasks moved, with the people they went to.
 */
export async function moveOpenTasks(
  trx: Kysely<Database>,
  directory: OrgDirectory,
  userId: string,
  at: number,
  options: MoveOptions,
): Promise<MovedTask[]> {
  // As a new task for them would go: deputy, else head; for someone gone with no one above, the process administrators.
  const standIns = directory.expand([userId], at);
  const to = standIns.map((a) => a.assignee);
  const reason = standIns[0]?.reason;
  if (to.length === 0 || to.includes(userId) || reason === undefined) return [];
  const tasks = await trx
    .selectFrom('tasks')
    .innerJoin('task_assignees', 'task_assignees.task_id', 'tasks.id')
    .innerJoin('instances', 'instances.id', 'tasks.instance_id')
    .selectAll('tasks')
    .select(['instances.definition_key', 'instances.definition_version'])
    .where('task_assignees.assignee', '=', userId)
    .where('tasks.status', '=', 'open')
    .orderBy('tasks.created_at')
    .orderBy('tasks.id')
    .execute();
  const moved: MovedTask[] = [];
  for (const task of tasks) {
    if (options.honourWait) {
      const compiled = await compiledDefinition(trx, task.definition_key, task.definition_version);
      if (compiled.definition.options?.onAbsence === 'wait') continue;
    }
    const before = JSON.parse(task.assignees) as string[];
    const after = [...new Set(before.flatMap((a) => (a === userId ? to : [a])))];
    const added: Redirect[] = to.map((assignee) => ({ assignee, meantFor: userId, reason }));
    const form = JSON.parse(task.form) as { redirects?: Redirect[] };
    const redirects = [...(form.redirects ?? []).filter((r) => r.assignee !== userId), ...added];
    // Still open: a step may have completed or cancelled it since it was read.
    const updated = await trx
      .updateTable('tasks')
      .set({ assignees: JSON.stringify(after), form: JSON.stringify({ ...form, redirects }) })
      .where('id', '=', task.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) continue;
    await trx
      .deleteFrom('task_assignees')
      .where('task_id', '=', task.id)
      .where('assignee', '=', userId)
      .execute();
    await trx
      .insertInto('task_assignees')
      .values(to.map((assignee) => ({ task_id: task.id, assignee })))
      .onConflict((oc) => oc.columns(['assignee', 'task_id']).doNothing())
      .execute();
    await publishUserEvent(
      trx,
      ...taskAssigned(to, { id: task.id, title: task.title, instanceId: task.instance_id }),
    );
    await recordReassignment(
      trx,
      task.instance_id,
      {
        type: 'taskReassigned',
        taskId: task.id.slice(task.instance_id.length + 1),
        assignees: after,
        cause: 'redirected',
        meantFor: userId,
        reason,
        ...(options.actor ? { actor: { id: options.actor } } : {}),
      },
      at,
    );
    moved.push({ id: task.id, instanceId: task.instance_id, assignees: to });
  }
  return moved;
}

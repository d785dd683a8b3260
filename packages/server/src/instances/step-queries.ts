import { prepared } from '../db/prepared.ts';
import type { InstancesTable } from '../db/schema.ts';

/** The statements every step runs, compiled once per database (db/prepared.ts). */

export const instanceById = prepared((db, id: string) =>
  db.selectFrom('instances').selectAll().where('id', '=', id),
);

/** The common step: the instance moved on and kept its status, error and end. */
export const advanceInstance = prepared(
  (db, state: string, version: number, historySeq: number, id: string, readAt: number) =>
    db
      .updateTable('instances')
      .set({ state, version, history_seq: historySeq })
      .where('id', '=', id)
      .where('version', '=', readAt),
);

/** Completes a task; the row as written comes back (the completion's answer shows it). */
export const markTaskCompleted = prepared(
  (
    db,
    completedAt: number,
    completedBy: string | null,
    outcome: string | null,
    comment: string | null,
    id: string,
  ) =>
    db
      .updateTable('tasks')
      .set({ status: 'completed', completed_at: completedAt, completed_by: completedBy, outcome, comment })
      .where('id', '=', id)
      .returningAll(),
);

/** A step that changed the status, the error or the end (the status is indexed: set only here). */
export const settleInstance = prepared(
  (
    db,
    state: string,
    version: number,
    historySeq: number,
    status: InstancesTable['status'],
    error: string | null,
    endedAt: number | null,
    id: string,
    readAt: number,
  ) =>
    db
      .updateTable('instances')
      .set({ state, version, history_seq: historySeq, status, error, ended_at: endedAt })
      .where('id', '=', id)
      .where('version', '=', readAt),
);

/** An ended instance's open tasks, pending timers and subscriptions (closeOpenWork in apply.ts). */
export const cancelOpenTasks = prepared((db, completedAt: number, instanceId: string) =>
  db
    .updateTable('tasks')
    .set({ status: 'cancelled', completed_at: completedAt })
    .where('instance_id', '=', instanceId)
    .where('status', '=', 'open'),
);

export const cancelPendingTimers = prepared((db, updatedAt: number, instanceId: string) =>
  db
    .updateTable('jobs')
    .set({ status: 'cancelled', updated_at: updatedAt })
    .where('instance_id', '=', instanceId)
    .where('kind', '=', 'timer')
    .where('status', '=', 'pending'),
);

export const dropSubscriptions = prepared((db, instanceId: string) =>
  db.deleteFrom('message_subscriptions').where('instance_id', '=', instanceId),
);

import { prepared } from '../db/prepared.ts';

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
      .where('id', '=', id),
);

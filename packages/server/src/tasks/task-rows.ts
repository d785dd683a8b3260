import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { taskVisible } from '../access/visibility.ts';
import { prepared } from '../db/prepared.ts';
import type { Database, InstancesTable, TasksTable } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/** How tasks are read: rows joined with their instance's definition, by id, as a caller sees them. */

export type TaskRow = TasksTable &
  Pick<InstancesTable, 'definition_key' | 'definition_version' | 'document_ref'>;

export function tasks(db: Kysely<Database>) {
  return db
    .selectFrom('tasks')
    .innerJoin('instances', 'instances.id', 'tasks.instance_id')
    .selectAll('tasks')
    .select(['instances.definition_key', 'instances.definition_version', 'instances.document_ref']);
}

/** The rest of the instance's row, its columns prefixed `instance_` (they share names with the task's). */
function withInstance<O>(query: SelectQueryBuilder<Database, 'tasks' | 'instances', O>) {
  return query.select([
    'instances.status as instance_status',
    'instances.state as instance_state',
    'instances.version as instance_version',
    'instances.started_by as instance_started_by',
    'instances.started_at as instance_started_at',
    'instances.ended_at as instance_ended_at',
    'instances.error as instance_error',
    'instances.parent_id as instance_parent_id',
    'instances.call_id as instance_call_id',
    'instances.history_seq as instance_history_seq',
  ]);
}

export type TaskToComplete = TaskRow & {
  [C in Exclude<
    keyof InstancesTable,
    'id' | 'definition_key' | 'definition_version' | 'document_ref'
  > as `instance_${C}`]: InstancesTable[C];
};

export function instanceOf(row: TaskToComplete): InstancesTable {
  return {
    id: row.instance_id,
    definition_key: row.definition_key,
    definition_version: row.definition_version,
    status: row.instance_status,
    state: row.instance_state,
    version: row.instance_version,
    document_ref: row.document_ref,
    started_by: row.instance_started_by,
    started_at: row.instance_started_at,
    ended_at: row.instance_ended_at,
    error: row.instance_error,
    parent_id: row.instance_parent_id,
    call_id: row.instance_call_id,
    history_seq: row.instance_history_seq,
  };
}

/** The task if the caller sees it; otherwise 404, as if it did not exist. */
export async function findVisible(db: Kysely<Database>, caller: Caller, id: string): Promise<TaskRow> {
  const visible = taskVisible(db, caller);
  if (!visible) return findTask(db, id);
  return found(id, await tasks(db).where(visible).where('tasks.id', '=', id).executeTakeFirst());
}

/** As findVisible, with its instance's row for the step: one read for the checks and the step. */
export async function findToComplete(
  db: Kysely<Database>,
  caller: Caller,
  id: string,
): Promise<TaskToComplete> {
  const visible = taskVisible(db, caller);
  if (!visible) return found(id, (await taskToCompleteById(db, id)).rows[0]);
  return found(
    id,
    await withInstance(tasks(db)).where(visible).where('tasks.id', '=', id).executeTakeFirst(),
  );
}

function found<T>(id: string, row: T | undefined): T {
  if (!row) throw new NotFound('task', id);
  return row;
}

/** A task by id: compiled once (db/prepared.ts), as completing one reads it. */
const taskById = prepared((db, id: string) => tasks(db).where('tasks.id', '=', id));

export async function findTask(db: Kysely<Database>, id: string): Promise<TaskRow> {
  return found(id, (await taskById(db, id)).rows[0]);
}

const taskToCompleteById = prepared((db, id: string) => withInstance(tasks(db)).where('tasks.id', '=', id));

import type { Kysely } from 'kysely';

/** Both dialects from one schema: text for JSON, bigint for epoch-millisecond times, text keys (no sequences). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('definitions')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('bpmn', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('published_at', 'bigint')
    .addPrimaryKeyConstraint('definitions_pk', ['key', 'version'])
    .execute();

  await db.schema
    .createTable('instances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition_key', 'text', (c) => c.notNull())
    .addColumn('definition_version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('document_ref', 'text')
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .addColumn('error', 'text')
    .addColumn('parent_id', 'text')
    .addColumn('call_id', 'text')
    .addColumn('history_seq', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('instances_status').on('instances').columns(['status', 'started_at']).execute();
  await db.schema
    .createIndex('instances_definition')
    .on('instances')
    .columns(['definition_key', 'started_at'])
    .execute();
  await db.schema
    .createIndex('instances_started_by')
    .on('instances')
    .columns(['started_by', 'started_at'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assignees', 'text', (c) => c.notNull())
    .addColumn('role', 'text')
    .addColumn('due_at', 'bigint')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('completed_at', 'bigint')
    .addColumn('completed_by', 'text')
    .addColumn('outcome', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_instance').on('tasks').columns(['instance_id', 'status']).execute();
  await db.schema.createIndex('tasks_overdue').on('tasks').columns(['status', 'due_at']).execute();

  await db.schema
    .createTable('task_assignees')
    .addColumn('task_id', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_assignees_pk', ['assignee', 'task_id'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_at', 'bigint', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'bigint')
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('jobs_instance').on('jobs').columns(['instance_id']).execute();

  await db.schema
    .createTable('history')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text')
    .addColumn('token_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('actor', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text')
    .addPrimaryKeyConstraint('history_pk', ['instance_id', 'seq'])
    .execute();
  await db.schema.createIndex('history_at').on('history').columns(['at']).execute();

  await db.schema
    .createTable('message_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('correlation_key', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_subscriptions_name')
    .on('message_subscriptions')
    .columns(['name', 'correlation_key'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('instance_id', 'text')
    .addColumn('node_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('read_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('notifications_recipient')
    .on('notifications')
    .columns(['recipient', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'notifications',
    'idempotency_keys',
    'message_subscriptions',
    'history',
    'jobs',
    'task_assignees',
    'tasks',
    'instances',
    'definitions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

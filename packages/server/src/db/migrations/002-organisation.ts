import { type Kysely, sql } from 'kysely';

/**
 * The organisation (users, departments, roles, groups, reporting lines), sign-in (sessions, API tokens,
 * failed logins) and per-template rights. Booleans are integers 0/1 in both dialects; a role held
 * company-wide has department_id '' because PostgreSQL primary keys cannot hold NULL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('head_id', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('departments_parent').on('departments').columns(['parent_id']).execute();
  await db.schema.createIndex('departments_head').on('departments').columns(['head_id']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'text')
    .addColumn('department_id', 'text')
    .addColumn('manager_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('locale', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_department').on('users').columns(['department_id']).execute();
  await db.schema.createIndex('users_manager').on('users').columns(['manager_id']).execute();

  await db.schema
    .createTable('roles')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('builtin', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('user_roles')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['role', 'department_id', 'user_id'])
    .execute();
  await db.schema.createIndex('user_roles_user').on('user_roles').columns(['user_id']).execute();

  await db.schema
    .createTable('groups')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('group_members')
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_name', 'user_id'])
    .execute();
  await db.schema.createIndex('group_members_user').on('group_members').columns(['user_id']).execute();

  // Every head above a user, nearest first (depth 1): rewritten with each organisation change.
  await db.schema
    .createTable('reporting_lines')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('head_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reporting_lines_pk', ['user_id', 'depth'])
    .execute();
  await db.schema
    .createIndex('reporting_lines_head')
    .on('reporting_lines')
    .columns(['head_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('csrf_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();
  await db.schema.createIndex('sessions_expiry').on('sessions').columns(['expires_at']).execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').columns(['user_id']).execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_key').on('login_failures').columns(['key', 'at']).execute();

  await db.schema
    .createTable('definition_rights')
    .addColumn('definition_key', 'text', (c) => c.primaryKey())
    .addColumn('rights', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema.createIndex('tasks_completed_by').on('tasks').columns(['completed_by']).execute();

  const now = Date.now();
  await sql`insert into roles (name, title, description, builtin, created_at) values
    ('administrator', 'Administrator', 'Everything: the organisation, every template, instance and task', 1, ${now}),
    ('processAdministrator', 'Process administrator', 'Every template and running instance, the outbox', 1, ${now}),
    ('owner', 'Owner', 'Sees every instance and every task of every employee', 1, ${now})`.execute(db);
  await sql`insert into settings (key, value) values ('org_version', '0')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('tasks_completed_by').execute();
  await sql`delete from settings where key = 'org_version'`.execute(db);
  for (const table of [
    'definition_rights',
    'login_failures',
    'api_tokens',
    'sessions',
    'reporting_lines',
    'group_members',
    'groups',
    'user_roles',
    'roles',
    'users',
    'departments',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

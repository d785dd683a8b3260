import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, migrate, openDatabase } from '../../src/db/database.ts';
import { migrationProvider } from '../../src/db/migrations/index.ts';
import { readHistory } from '../../src/instances/history.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';
import { publish, singleTaskProcess } from '../support/processes.ts';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: TestDatabase;
  let all: string[];
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    all = Object.keys(await migrationProvider.getMigrations());
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('apply once on a fresh database, then nothing on later runs, keeping the data', async () => {
    const db = openDatabase(database.url);
    try {
      expect(await migrate(db)).toEqual(all);
      await publish(db.kysely, singleTaskProcess);

      expect(await migrate(db)).toEqual([]);
      expect(await migrate(db)).toEqual([]);

      const rows = await db.kysely.selectFrom('definitions').select(['key', 'version']).execute();
      expect(rows).toEqual([{ key: 'single', version: 1 }]);
    } finally {
      await db.close();
    }
  });

  it('007 carries per-event history rows over as one row per step, and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const old = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const row = (id: string, seq: number, type: string, at: number, extra: Record<string, unknown> = {}) => ({
      instance_id: id,
      seq,
      type,
      node_id: null,
      token_id: null,
      task_id: null,
      actor: null,
      at,
      data: null,
      ...extra,
    });
    const eventsBefore = [
      row('i1', 1, 'instance.started', 1000, { actor: 'ann', data: '{"params":{"days":3}}' }),
      row('i1', 2, 'node.entered', 1000, { node_id: 'ask', token_id: 't1' }),
      row('i1', 3, 'timer.scheduled', 1000, { node_id: 'ask', task_id: 'remind' }),
      row('i1', 4, 'timer.fired', 5000, { node_id: 'ask', task_id: 'remind' }),
      row('i1', 5, 'task.completed', 9000, { node_id: 'ask', task_id: 'ask-1', actor: 'bob' }),
      row('i2', 1, 'instance.started', 1000),
    ];
    try {
      const up = await migrator.migrateTo('006-definitions-version');
      expect(up.error).toBeUndefined();
      await old.insertInto('history').values(eventsBefore).execute();
      expect((await migrator.migrateTo('007-history-steps')).error).toBeUndefined();

      const steps = await db.kysely
        .selectFrom('history_steps')
        .select(['instance_id', 'seq', 'at'])
        .orderBy('instance_id')
        .orderBy('seq')
        .execute();
      expect(steps.map((s) => [s.instance_id, s.seq, Number(s.at)])).toEqual([
        ['i1', 1, 1000],
        ['i1', 4, 5000],
        ['i1', 5, 9000],
        ['i2', 1, 1000],
      ]);
      expect(await readHistory(db.kysely, 'i1')).toEqual([
        { type: 'instance.started', at: 1000, actor: 'ann', data: { params: { days: 3 } } },
        { type: 'node.entered', at: 1000, nodeId: 'ask', tokenId: 't1' },
        { type: 'timer.scheduled', at: 1000, nodeId: 'ask', timerId: 'remind' },
        { type: 'timer.fired', at: 5000, nodeId: 'ask', timerId: 'remind' },
        { type: 'task.completed', at: 9000, nodeId: 'ask', taskId: 'ask-1', actor: 'bob' },
      ]);

      const down = await migrator.migrateDown();
      expect(down.error).toBeUndefined();
      const restored = await old
        .selectFrom('history')
        .selectAll()
        .orderBy('instance_id')
        .orderBy('seq')
        .execute();
      expect(restored.map((r) => ({ ...r, at: Number(r.at), seq: Number(r.seq) }))).toEqual(eventsBefore);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('008 keeps task indexes to the rows their filters find, and the assignees, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const assignees = [
      { task_id: 'i1:t1', assignee: 'ann' },
      { task_id: 'i1:t1', assignee: 'role:lawyer' },
      { task_id: 'i1:t2', assignee: 'ann' },
    ];
    const storedAssignees = () =>
      db.kysely.selectFrom('task_assignees').selectAll().orderBy('task_id').orderBy('assignee').execute();
    try {
      expect((await migrator.migrateTo('007-history-steps')).error).toBeUndefined();
      await db.kysely.insertInto('task_assignees').values(assignees).execute();

      expect((await migrator.migrateTo('008-lean-task-indexes')).error).toBeUndefined();
      expect(await storedAssignees()).toEqual(assignees);
      expect(await indexFilter(db, 'tasks_overdue')).toMatch(/due_at"?\)? is not null/i);
      expect(await indexFilter(db, 'tasks_completed_by')).toMatch(/completed_by"?\)? is not null/i);
      if (dialect === 'sqlite') {
        expect(await tableSql(db, 'task_assignees')).toMatch(/without rowid/i);
        // The filters still find their index: a comparison implies "is not null".
        expect(await sqlitePlan(db, "select id from tasks where status = 'open' and due_at < 5")).toMatch(
          /tasks_overdue/,
        );
        expect(await sqlitePlan(db, "select id from tasks where completed_by = 'ann'")).toMatch(
          /tasks_completed_by/,
        );
      }

      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await storedAssignees()).toEqual(assignees);
      expect(await indexFilter(db, 'tasks_overdue')).not.toMatch(/is not null/i);
      if (dialect === 'sqlite') expect(await tableSql(db, 'task_assignees')).not.toMatch(/without rowid/i);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('009 indexes open tasks newest first and assignees by task, in place of tasks_overdue, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('008-lean-task-indexes')).error).toBeUndefined();
      const up = await migrator.migrateTo('009-task-list-indexes');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['009-task-list-indexes']);
      expect(await indexFilter(db, 'tasks_open')).toMatch(/\(?"?status"?\)? = 'open'/i);
      // On PostgreSQL the counts read open tasks from the index alone.
      if (dialect === 'postgres')
        expect(await indexFilter(db, 'tasks_open')).toMatch(/INCLUDE \(instance_id, due_at, status\)/);
      expect(await indexFilter(db, 'task_assignees_task')).toMatch(/task_id/);
      if (dialect === 'sqlite') {
        const newest = 'order by created_at desc, id desc limit 50';
        expect(await sqlitePlan(db, `select id from tasks where status = 'open' ${newest}`)).toMatch(
          /^SCAN tasks USING (COVERING )?INDEX tasks_open$/,
        );
        expect(await sqlitePlan(db, "select assignee from task_assignees where task_id = 'i1:t1'")).toMatch(
          /task_assignees_task/,
        );
        expect(
          await sqlitePlan(db, `select id from tasks where status = 'open' and due_at < 5 ${newest}`),
        ).toMatch(/^SCAN tasks USING INDEX tasks_open$/);
      }
      expect(await indexFilter(db, 'tasks_overdue')).toBe('');

      expect((await migrator.migrateDown()).error).toBeUndefined();
      for (const name of ['tasks_open', 'task_assignees_task']) expect(await indexFilter(db, name)).toBe('');
      expect(await indexFilter(db, 'tasks_overdue')).toMatch(/due_at"?\)? is not null/i);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('010 gives every stored version empty labels, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const labels = () => sql<{ labels: string }>`select labels from definitions`.execute(db.kysely);
    try {
      expect((await migrator.migrateTo('009-task-list-indexes')).error).toBeUndefined();
      await sql`insert into definitions (key, version, status, name, json, created_at)
        values ('old', 1, 'published', 'Old', '{}', 0)`.execute(db.kysely);
      const up = await migrator.migrateTo('010-template-labels');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['010-template-labels']);
      expect((await labels()).rows).toEqual([{ labels: '[]' }]);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(labels()).rejects.toThrow(/labels/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('011 finds an instance’s message subscriptions by index, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('010-template-labels')).error).toBeUndefined();
      const up = await migrator.migrateTo('011-subscriptions-by-instance');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['011-subscriptions-by-instance']);
      expect(await indexFilter(db, 'message_subscriptions_instance')).toMatch(/instance_id/);
      if (dialect === 'sqlite')
        expect(await sqlitePlan(db, "delete from message_subscriptions where instance_id = 'i1'")).toMatch(
          /^SEARCH message_subscriptions USING (COVERING )?INDEX message_subscriptions_instance/,
        );
      expect((await migrator.migrateDown()).error).toBeUndefined();
      expect(await indexFilter(db, 'message_subscriptions_instance')).toBe('');
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('012 gives every user both e-mail choices on, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const choices = () => sql`select email_tasks, email_notifications from users`.execute(db.kysely);
    try {
      expect((await migrator.migrateTo('011-subscriptions-by-instance')).error).toBeUndefined();
      await sql`insert into users (id, login, name, active, created_at, updated_at)
        values ('ann', 'ann', 'Ann', 1, 0, 0)`.execute(db.kysely);
      const up = await migrator.migrateTo('012-email-preferences');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['012-email-preferences']);
      expect((await choices()).rows).toEqual([{ email_tasks: 1, email_notifications: 1 }]);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(choices()).rejects.toThrow(/email_/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('013 keeps a notice’s words as data beside its text, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const messages = () => sql`select message from notifications`.execute(db.kysely);
    try {
      expect((await migrator.migrateTo('012-email-preferences')).error).toBeUndefined();
      await sql`insert into notifications (id, recipient, text, created_at)
        values ('n1', 'ann', 'Old', 0)`.execute(db.kysely);
      const up = await migrator.migrateTo('013-notification-messages');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['013-notification-messages']);
      expect((await messages()).rows).toEqual([{ message: null }]);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(messages()).rejects.toThrow(/message/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('014 keeps document templates and documents as bytes, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('013-notification-messages')).error).toBeUndefined();
      const up = await migrator.migrateTo('014-documents');
      expect(up.results?.map((r) => r.migrationName)).toEqual(['014-documents']);
      const file = Buffer.from([0, 1, 2, 250, 255, 0x50, 0x4b]);
      const row = {
        instance_id: 'i1',
        node_id: 'n',
        template_key: 't',
        file_name: 'a.pdf',
        format: 'pdf' as const,
      };
      await db.kysely
        .insertInto('documents')
        .values({ id: 'd1', job_key: 'j1', ...row, size: file.length, file, created_at: 0 })
        .execute();
      const stored = await db.kysely.selectFrom('documents').select('file').executeTakeFirstOrThrow();
      expect(Buffer.from(stored.file).equals(file)).toBe(true);
      // The job that made a document stores it once.
      await expect(
        db.kysely
          .insertInto('documents')
          .values({ id: 'd2', job_key: 'j1', ...row, size: 0, file: Buffer.alloc(0), created_at: 0 })
          .execute(),
      ).rejects.toThrow(/unique|UNIQUE/);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from documents`.execute(db.kysely)).rejects.toThrow(/documents/);
      await expect(sql`select * from document_templates`.execute(db.kysely)).rejects.toThrow(
        /document_templates/,
      );
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('015 keeps feed posts and their readers, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('014-documents')).error).toBeUndefined();
      const applied = await migrator.migrateTo('015-feed');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['015-feed']);
      const post = { instance_id: null, node_id: 'n', title: 'T', text: '', everyone: 0, created_at: 0 };
      await db.kysely
        .insertInto('feed_posts')
        .values({ id: 'p1', job_key: 'j1', ...post })
        .execute();
      await db.kysely.insertInto('feed_readers').values({ user_id: 'ann', post_id: 'p1' }).execute();
      await expect(
        db.kysely.insertInto('feed_readers').values({ user_id: 'ann', post_id: 'p1' }).execute(),
      ).rejects.toThrow(/unique|UNIQUE|duplicate/);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from feed_posts`.execute(db.kysely)).rejects.toThrow(/feed_posts/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('016 adds the CRM and copies the documentType of each template version, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const old = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
    try {
      expect((await migrator.migrateTo('015-feed')).error).toBeUndefined();
      const version = (v: number, json: object) => ({
        key: 'quote',
        version: v,
        status: 'published',
        name: 'Quote',
        json: JSON.stringify(json),
        created_at: 0,
      });
      await old
        .insertInto('definitions')
        .values([version(1, { nodes: [] }), version(2, { documentType: 'deal', nodes: [] })])
        .execute();
      const applied = await migrator.migrateTo('016-crm');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['016-crm']);
      const types = await db.kysely
        .selectFrom('definitions')
        .select(['version', 'document_type'])
        .orderBy('version')
        .execute();
      expect(types).toEqual([
        { version: 1, document_type: null },
        { version: 2, document_type: 'deal' },
      ]);
      await db.kysely.insertInto('crm_pipelines').values({ id: 'p', name: 'Sales', sort: 1 }).execute();
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from crm_pipelines`.execute(db.kysely)).rejects.toThrow(/crm_pipelines/);
      await expect(sql`select document_type from definitions`.execute(db.kysely)).rejects.toThrow(
        /document_type/,
      );
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('017 keeps robots on stages, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('016-crm')).error).toBeUndefined();
      const applied = await migrator.migrateTo('017-crm-robots');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['017-crm-robots']);
      // Written as the table was at 017 (later migrations add columns the schema types require).
      await sql`insert into crm_robots (id, pipeline_id, stage_id, name, action, delay, message, notify_head,
        definition_key, active, created_at, updated_at)
        values ('r', 'p', 's', 'R', 'notify', 'P7D', 'Hi', 0, null, 1, 0, 0)`.execute(db.kysely);
      expect(await db.kysely.selectFrom('crm_robots').select(['id', 'delay']).execute()).toEqual([
        { id: 'r', delay: 'P7D' },
      ]);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from crm_robots`.execute(db.kysely)).rejects.toThrow(/crm_robots/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('018 keeps the deal fields, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('017-crm-robots')).error).toBeUndefined();
      const applied = await migrator.migrateTo('018-crm-deal-fields');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['018-crm-deal-fields']);
      const field = {
        label: 'Region',
        type: 'string',
        options: '[]',
        required: 0,
        required_stages: '[]',
        sort: 0,
      };
      // 025 renamed the table: the schema types know only crm_fields.
      const at018 = db.kysely.withTables<{ crm_deal_fields: typeof field & { key: string } }>();
      await at018
        .insertInto('crm_deal_fields')
        .values({ key: 'region', ...field })
        .execute();
      await expect(
        at018
          .insertInto('crm_deal_fields')
          .values({ key: 'region', ...field })
          .execute(),
      ).rejects.toThrow(/unique|UNIQUE|duplicate/);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from crm_deal_fields`.execute(db.kysely)).rejects.toThrow(/crm_deal_fields/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('019 makes every pipeline and deal kept so far one of deals, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    const old = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
    try {
      expect((await migrator.migrateTo('018-crm-deal-fields')).error).toBeUndefined();
      await old.insertInto('crm_pipelines').values({ id: 'p', name: 'Sales', sort: 1 }).execute();
      const applied = await migrator.migrateTo('019-crm-leads');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['019-crm-leads']);
      expect(await db.kysely.selectFrom('crm_pipelines').select(['id', 'entity']).execute()).toEqual([
        { id: 'p', entity: 'deal' },
      ]);
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select entity from crm_pipelines`.execute(db.kysely)).rejects.toThrow(/entity/);
      await expect(sql`select lead_name from crm_deals`.execute(db.kysely)).rejects.toThrow(/lead_name/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  it('020 keeps web forms with unique tokens, up and back down', async () => {
    const fresh = await createTestDatabase(dialect);
    const db = openDatabase(fresh.url);
    const migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    try {
      expect((await migrator.migrateTo('019-crm-leads')).error).toBeUndefined();
      const applied = await migrator.migrateTo('020-crm-web-forms');
      expect(applied.results?.map((r) => r.migrationName)).toEqual(['020-crm-web-forms']);
      const form = (id: string) => ({
        id,
        token: 't',
        name: 'Site',
        title: 'Call me',
        fields: '[]',
        success_text: 'Thanks',
        pipeline_id: 'p',
        responsible_id: 'u',
        active: 1,
        created_at: 0,
        updated_at: 0,
      });
      await db.kysely.insertInto('crm_web_forms').values(form('a')).execute();
      await expect(db.kysely.insertInto('crm_web_forms').values(form('b')).execute()).rejects.toThrow(
        /unique|UNIQUE|duplicate/,
      );
      expect((await migrator.migrateDown()).error).toBeUndefined();
      await expect(sql`select * from crm_web_forms`.execute(db.kysely)).rejects.toThrow(/crm_web_forms/);
    } finally {
      await db.close();
      await fresh.drop();
    }
  });

  // Kysely locks the migration table on PostgreSQL; SQLite is one server process, its migrations are not
  // meant to race another process.
  if (dialect !== 'postgres') return;

  it('two processes migrating a fresh database at once apply each migration exactly once', async () => {
    const fresh = await createTestDatabase(dialect);
    const first = openDatabase(fresh.url);
    const second = openDatabase(fresh.url);
    try {
      const applied = await Promise.all([migrate(first), migrate(second)]);

      expect(applied.flat().sort()).toEqual([...all].sort());
      const tables = await first.kysely.introspection.getTables();
      expect(tables.map((t) => t.name)).toEqual(
        expect.arrayContaining([
          'definitions',
          'instances',
          'tasks',
          'jobs',
          'history_steps',
          'message_subscriptions',
        ]),
      );
    } finally {
      await Promise.allSettled([first.close(), second.close()]);
      await fresh.drop();
    }
  });
});

/** An index's definition as the database reports it. */
async function indexFilter(db: Db, name: string): Promise<string> {
  const { rows } =
    db.dialect === 'sqlite'
      ? await sql<{ def: string }>`select sql as def from sqlite_master where name = ${name}`.execute(
          db.kysely,
        )
      : await sql<{ def: string }>`select indexdef as def from pg_indexes where indexname = ${name}`.execute(
          db.kysely,
        );
  return rows[0]?.def ?? '';
}

async function tableSql(db: Db, name: string): Promise<string> {
  const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where name = ${name}`.execute(
    db.kysely,
  );
  return rows[0]?.sql ?? '';
}

async function sqlitePlan(db: Db, query: string): Promise<string> {
  const { rows } = await sql<{ detail: string }>`explain query plan ${sql.raw(query)}`.execute(db.kysely);
  return rows.map((r) => r.detail).join('; ');
}

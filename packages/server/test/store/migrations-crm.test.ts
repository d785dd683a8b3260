import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../../src/db/database.ts';
import { migrationProvider } from '../../src/db/migrations/index.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.ts';

describe.each(DIALECTS)('migrations from 021 (the CRM) on %s', (dialect) => {
  let database: TestDatabase;
  let db: Db;
  let migrator: Migrator;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    db = openDatabase(database.url);
    migrator = new Migrator({ db: db.kysely, provider: migrationProvider });
    expect((await migrator.migrateTo('020-crm-web-forms')).error).toBeUndefined();
  });
  afterAll(async () => {
    await db?.close();
    await database?.drop();
  });

  const product = (id: string, sku: string | null, priceListId: string | null) => ({
    id,
    name: id,
    sku,
    unit: 'pcs',
    price_minor: 100,
    currency: 'RUB',
    price_list_id: priceListId,
    description: null,
    search: id,
    created_at: 0,
    updated_at: 0,
  });
  const duplicate = /unique|UNIQUE|duplicate/;

  it('keeps products with one article per price list and quotes with unique numbers, up and back down', async () => {
    const applied = await migrator.migrateTo('021-crm-products-quotes');
    expect(applied.results?.map((r) => r.migrationName)).toEqual(['021-crm-products-quotes']);
    const products = db.kysely.insertInto('crm_products');
    await products.values([product('a', 'GKL', 'knauf'), product('b', 'GKL', 'volma')]).execute();
    await products.values([product('c', null, 'knauf'), product('d', null, 'knauf')]).execute();
    await expect(products.values(product('e', 'GKL', 'knauf')).execute()).rejects.toThrow(duplicate);

    // At 021 a quote has no VAT columns yet (027): written as the table was then.
    const quote = (id: string) =>
      sql`insert into crm_quotes (id, number, deal_id, status, currency, total_minor, language, version,
        created_by, created_at, updated_at) values (${id}, 1, 'deal', 'draft', 'RUB', 0, 'ru', 1, 'u', 0, 0)`.execute(
        db.kysely,
      );
    await quote('q1');
    await expect(quote('q2')).rejects.toThrow(duplicate);

    expect((await migrator.migrateDown()).error).toBeUndefined();
    for (const table of ['crm_products', 'crm_price_lists', 'crm_quotes', 'crm_quote_rows'])
      await expect(sql`select * from ${sql.table(table)}`.execute(db.kysely)).rejects.toThrow(table);
  });

  it('022 keeps one grant per role, kind and pipeline, up and back down', async () => {
    expect((await migrator.migrateTo('021-crm-products-quotes')).error).toBeUndefined();
    const applied = await migrator.migrateTo('022-crm-access');
    expect(applied.results?.map((r) => r.migrationName)).toEqual(['022-crm-access']);
    const grant = (id: string, pipelineId: string) => ({
      id,
      role: 'lawyer',
      entity: 'deal',
      pipeline_id: pipelineId,
      access: 'read',
      created_at: 0,
    });
    const grants = db.kysely.insertInto('crm_access_grants');
    await grants.values([grant('a', ''), grant('b', 'contracts')]).execute();
    await expect(grants.values(grant('c', '')).execute()).rejects.toThrow(duplicate);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select * from crm_access_grants`.execute(db.kysely)).rejects.toThrow(
      'crm_access_grants',
    );
  });

  it('023 keeps activities and lets robots plan them, up and back down', async () => {
    expect((await migrator.migrateTo('022-crm-access')).error).toBeUndefined();
    const applied = await migrator.migrateTo('023-crm-activities');
    expect(applied.results?.map((r) => r.migrationName)).toEqual(['023-crm-activities']);
    await db.kysely
      .insertInto('crm_activities')
      .values({
        id: 'a',
        deal_id: 'deal',
        kind: 'call',
        title: 'Call',
        due_at: 1,
        responsible_id: 'u',
        comment: null,
        result: null,
        done_at: null,
        done_by: null,
        robot_id: null,
        created_by: 'u',
        created_at: 0,
        updated_at: 0,
      })
      .execute();
    const robots = await sql<{ activity_kind: string | null }>`select activity_kind from crm_robots`.execute(
      db.kysely,
    );
    expect(robots.rows).toEqual([]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select * from crm_activities`.execute(db.kysely)).rejects.toThrow('crm_activities');
    await expect(sql`select activity_kind from crm_robots`.execute(db.kysely)).rejects.toThrow(
      'activity_kind',
    );
  });

  it('024 keeps letters once by Message-ID, with their files, and links activities to them, up and back down', async () => {
    expect((await migrator.migrateTo('023-crm-activities')).error).toBeUndefined();
    const applied = await migrator.migrateTo('024-crm-mail');
    expect(applied.results?.map((r) => r.migrationName)).toEqual(['024-crm-mail']);
    const letter = (id: string, mailboxId: string) => ({
      id,
      deal_id: 'deal',
      mailbox_id: mailboxId,
      direction: 'in',
      message_key: '<1@client.test>',
      in_reply_to: null,
      from_address: 'a@client.test',
      from_name: null,
      to_list: '[]',
      cc_list: '[]',
      subject: 'Hi',
      body: 'Hello',
      files: '[]',
      sent_at: 0,
      delivered_at: null,
      created_by: null,
      created_at: 0,
    });
    await db.kysely.insertInto('crm_emails').values(letter('a', 'sales')).execute();
    await expect(db.kysely.insertInto('crm_emails').values(letter('b', 'ivan')).execute()).rejects.toThrow(
      duplicate,
    );
    const bytes = Buffer.from([0, 1, 2, 255]);
    await db.kysely.insertInto('crm_email_files').values({ email_id: 'a', idx: 0, content: bytes }).execute();
    const file = await db.kysely.selectFrom('crm_email_files').select('content').executeTakeFirstOrThrow();
    expect(Buffer.from(file.content)).toEqual(bytes);
    const activities = await sql<{ email_id: string | null }>`select email_id from crm_activities`.execute(
      db.kysely,
    );
    expect(activities.rows).toEqual([]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    for (const table of ['crm_mailboxes', 'crm_emails', 'crm_email_files'])
      await expect(sql`select * from ${sql.table(table)}`.execute(db.kysely)).rejects.toThrow(table);
    await expect(sql`select email_id from crm_activities`.execute(db.kysely)).rejects.toThrow('email_id');
  });

  it('025 moves the deal fields into crm_fields and gives contacts and companies theirs, up and back down', async () => {
    expect((await migrator.migrateTo('024-crm-mail')).error).toBeUndefined();
    const field = {
      label: 'Region',
      type: 'string',
      options: '[]',
      required: 0,
      required_stages: '[]',
      sort: 0,
    };
    const at024 = db.kysely.withTables<{ crm_deal_fields: typeof field & { key: string } }>();
    await at024
      .insertInto('crm_deal_fields')
      .values({ key: 'region', ...field })
      .execute();
    await sql`insert into crm_contacts (id, name, responsible_id, search, created_by, created_at, updated_at)
      values ('c', 'Anna', 'u', 'anna', 'u', 0, 0)`.execute(db.kysely);

    const applied = await migrator.migrateTo('025-crm-fields');
    expect(applied.results?.map((r) => r.migrationName)).toEqual(['025-crm-fields']);
    expect(await db.kysely.selectFrom('crm_fields').select(['entity', 'key', 'label']).execute()).toEqual([
      { entity: 'deal', key: 'region', label: 'Region' },
    ]);
    await db.kysely
      .insertInto('crm_fields')
      .values({ entity: 'contact', key: 'region', ...field })
      .execute();
    await expect(
      db.kysely
        .insertInto('crm_fields')
        .values({ entity: 'contact', key: 'region', ...field })
        .execute(),
    ).rejects.toThrow(duplicate);
    const contact = await db.kysely.selectFrom('crm_contacts').select('fields').executeTakeFirstOrThrow();
    expect(contact.fields).toBe('{}');

    expect((await migrator.migrateDown()).error).toBeUndefined();
    expect(await at024.selectFrom('crm_deal_fields').select(['key', 'label']).execute()).toEqual([
      { key: 'region', label: 'Region' },
    ]);
    await expect(sql`select * from crm_fields`.execute(db.kysely)).rejects.toThrow('crm_fields');
    await expect(sql`select fields from crm_contacts`.execute(db.kysely)).rejects.toThrow('fields');
  });

  it('026 gives people a phone number, up and back down', async () => {
    expect((await migrator.migrateTo('025-crm-fields')).error).toBeUndefined();
    await sql`insert into users (id, login, name, active, created_at, updated_at, email_tasks, email_notifications)
      values ('ann', 'ann', 'Ann', 1, 0, 0, 1, 1)`.execute(db.kysely);
    expect((await migrator.migrateTo('026-user-phones')).error).toBeUndefined();
    await db.kysely.updateTable('users').set({ phone: '+7 900 000-00-00' }).where('id', '=', 'ann').execute();
    expect(await db.kysely.selectFrom('users').select('phone').where('id', '=', 'ann').execute()).toEqual([
      { phone: '+7 900 000-00-00' },
    ]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select phone from users`.execute(db.kysely)).rejects.toThrow('phone');
  });

  it('027 gives quotes their VAT, none for those made before, up and back down', async () => {
    expect((await migrator.migrateTo('026-user-phones')).error).toBeUndefined();
    await sql`insert into crm_quotes (id, number, deal_id, status, currency, total_minor, language, version,
      created_by, created_at, updated_at) values ('old', 7, 'deal', 'draft', 'RUB', 100, 'ru', 1, 'u', 0, 0)`.execute(
      db.kysely,
    );
    expect((await migrator.migrateTo('027-quote-vat')).error).toBeUndefined();
    const old = await db.kysely
      .selectFrom('crm_quotes')
      .select(['vat_bp', 'vat_included', 'vat_minor', 'total_minor'])
      .where('id', '=', 'old')
      .executeTakeFirstOrThrow();
    expect({ ...old, vat_minor: Number(old.vat_minor), total_minor: Number(old.total_minor) }).toEqual({
      vat_bp: null,
      vat_included: 1,
      vat_minor: 0,
      total_minor: 100,
    });
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select vat_bp from crm_quotes`.execute(db.kysely)).rejects.toThrow('vat_bp');
  });

  it('028 lets robots count working time, none doing so before, up and back down', async () => {
    expect((await migrator.migrateTo('027-quote-vat')).error).toBeUndefined();
    await sql`insert into crm_robots (id, pipeline_id, stage_id, name, action, delay, notify_head, active,
      created_at, updated_at) values ('r', 'p', 's', 'R', 'notify', 'P1D', 0, 1, 0, 0)`.execute(db.kysely);
    expect((await migrator.migrateTo('028-robot-working-time')).error).toBeUndefined();
    expect(await db.kysely.selectFrom('crm_robots').select(['id', 'working_time']).execute()).toEqual([
      { id: 'r', working_time: 0 },
    ]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select working_time from crm_robots`.execute(db.kysely)).rejects.toThrow('working_time');
  });

  it('029 keeps triggers on stages, up and back down', async () => {
    expect((await migrator.migrateTo('029-crm-triggers')).error).toBeUndefined();
    await sql`insert into crm_triggers (id, pipeline_id, stage_id, name, event, activity_kind, allow_backward,
      active, created_at, updated_at) values ('t', 'p', 's', 'T', 'activityCompleted', 'call', 0, 1, 0, 0)`.execute(
      db.kysely,
    );
    expect(await db.kysely.selectFrom('crm_triggers').select(['id', 'activity_kind']).execute()).toEqual([
      { id: 't', activity_kind: 'call' },
    ]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select id from crm_triggers`.execute(db.kysely)).rejects.toThrow('crm_triggers');
  });

  it('030 keeps lists and their records, one record per job, up and back down', async () => {
    expect((await migrator.migrateTo('030-lists')).error).toBeUndefined();
    await sql`insert into lists (id, key, name, description, fields, rights, created_by, created_at, updated_at)
      values ('l', 'contracts', 'Contracts', '', '[]', '{}', 'u', 0, 0)`.execute(db.kysely);
    const record = (id: string) =>
      sql`insert into list_records (id, list_id, title, ${sql.ref('values')}, search, job_key, version,
        created_by, created_at, updated_by, updated_at) values (${id}, 'l', 'R', '{}', 'r', 'job-1', 1, 'u', 0, 'u', 0)`.execute(
        db.kysely,
      );
    await record('r1');
    await expect(record('r2')).rejects.toThrow();
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select id from lists`.execute(db.kysely)).rejects.toThrow('lists');
  });

  it('031 keeps drive folders, their files — one per name in a folder — and their versions, up and back down', async () => {
    expect((await migrator.migrateTo('031-drive')).error).toBeUndefined();
    const file = (id: string) =>
      db.kysely
        .insertInto('drive_files')
        .values({
          id,
          folder_id: 'f',
          name: 'a.pdf',
          content_type: 'application/pdf',
          size: 3,
          sha256: 'x',
          search: 'a.pdf',
          version: 1,
          created_by: 'u',
          created_at: 0,
          updated_by: 'u',
          updated_at: 0,
        })
        .execute();
    await file('a');
    await expect(file('b')).rejects.toThrow();
    const version = () =>
      db.kysely
        .insertInto('drive_file_versions')
        .values({
          file_id: 'a',
          version: 1,
          content_type: 'application/pdf',
          size: 3,
          sha256: 'x',
          content: Buffer.from('pdf'),
          created_by: 'u',
          created_at: 0,
        })
        .execute();
    await version();
    await expect(version()).rejects.toThrow();
    const [stored] = await db.kysely.selectFrom('drive_file_versions').select('content').execute();
    expect(Buffer.from(stored?.content ?? []).toString()).toBe('pdf');
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select id from drive_files`.execute(db.kysely)).rejects.toThrow('drive_files');
  });

  it('032 lets a robot move a deal to another stage, none doing so before, up and back down', async () => {
    expect((await migrator.migrateTo('031-drive')).error).toBeUndefined();
    await sql`insert into crm_robots (id, pipeline_id, stage_id, name, action, delay, notify_head, active,
      created_at, updated_at) values ('r32', 'p', 's', 'R', 'notify', 'P1D', 0, 1, 0, 0)`.execute(db.kysely);
    expect((await migrator.migrateTo('032-robot-move')).error).toBeUndefined();
    expect(
      await db.kysely
        .selectFrom('crm_robots')
        .select(['id', 'target_stage_id'])
        .where('id', '=', 'r32')
        .execute(),
    ).toEqual([{ id: 'r32', target_stage_id: null }]);
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select target_stage_id from crm_robots`.execute(db.kysely)).rejects.toThrow(
      'target_stage_id',
    );
  });
  it('033 keeps the files of file fields and what holds each — once per holder —, up and back down', async () => {
    expect((await migrator.migrateTo('033-uploads')).error).toBeUndefined();
    await db.kysely
      .insertInto('uploads')
      .values({
        id: 'f',
        name: 'Договор.pdf',
        content_type: 'application/pdf',
        size: 3,
        sha256: 'x',
        content: Buffer.from('pdf'),
        uploaded_by: 'u',
        uploaded_at: 0,
      })
      .execute();
    const link = () =>
      db.kysely.insertInto('upload_links').values({ owner: 'deal:d', file_id: 'f' }).execute();
    await link();
    await expect(link()).rejects.toThrow();
    const [stored] = await db.kysely.selectFrom('uploads').select('content').execute();
    expect(Buffer.from(stored?.content ?? []).toString()).toBe('pdf');
    expect((await migrator.migrateDown()).error).toBeUndefined();
    await expect(sql`select id from uploads`.execute(db.kysely)).rejects.toThrow('uploads');
  });
});

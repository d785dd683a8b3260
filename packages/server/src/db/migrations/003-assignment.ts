import { type Kysely, sql } from 'kysely';
import { DEFAULT_CALENDAR_SETTINGS } from '../../calendar/days.ts';
import { RUSSIAN_PRODUCTION_CALENDAR } from '../../calendar/russia.ts';

/**
 * Absences with deputies, the company's working calendar (seeded with the Russian production calendar
 * for 2026–2027 and Monday–Friday 09:00–18:00 Moscow time), and the comment a task was completed with.
 * `calendar_version` is bumped with every calendar change, as `org_version` is with every change to the
 * organisation or its absences: each process checks both before a step and reloads what changed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_text', 'text', (c) => c.notNull())
    .addColumn('to_text', 'text', (c) => c.notNull())
    .addColumn('from_at', 'bigint', (c) => c.notNull())
    .addColumn('to_at', 'bigint', (c) => c.notNull())
    .addColumn('deputy_id', 'text')
    .addColumn('comment', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('absences_user').on('absences').columns(['user_id', 'from_at']).execute();
  await db.schema.createIndex('absences_to').on('absences').columns(['to_at']).execute();

  await db.schema
    .createTable('calendar_days')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text')
    .execute();
  await db.schema.createIndex('calendar_days_year').on('calendar_days').columns(['year']).execute();

  await db.schema.alterTable('tasks').addColumn('comment', 'text').execute();

  const settings = JSON.stringify(DEFAULT_CALENDAR_SETTINGS);
  await sql`insert into settings (key, value) values ('calendar', ${settings}), ('calendar_version', '0')`.execute(
    db,
  );
  for (const d of RUSSIAN_PRODUCTION_CALENDAR) {
    await sql`insert into calendar_days (date, year, kind, name) values (${d.date}, ${Number(d.date.slice(0, 4))}, ${d.kind}, ${d.name ?? null})`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from settings where key in ('calendar', 'calendar_version')`.execute(db);
  await db.schema.alterTable('tasks').dropColumn('comment').execute();
  await db.schema.dropTable('calendar_days').execute();
  await db.schema.dropTable('absences').execute();
}

import { type Kysely, sql } from 'kysely';

/**
 * `definitions_version`, bumped with every publication and deletion of a template: a process caches the
 * newest published version of each template it starts and checks this counter, with the organisation's
 * and the calendar's, in the one query a step already makes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`insert into settings (key, value) values ('definitions_version', '0')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from settings where key = 'definitions_version'`.execute(db);
}

import type { Kysely } from 'kysely';

/** A robot may move a deal on to another stage of its pipeline (`moveStage`: where to). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_robots').addColumn('target_stage_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('crm_robots').dropColumn('target_stage_id').execute();
}

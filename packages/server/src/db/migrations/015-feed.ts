import type { Kysely } from 'kysely';

/**
 * The activity feed (живая лента): posts processes publish (publishFeed activities), to everyone or to
 * the people their `to` named when published (`feed_readers`). `job_key`: a job run twice posts once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('feed_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_key', 'text', (c) => c.notNull().unique())
    .addColumn('instance_id', 'text')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('everyone', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('feed_posts_created').on('feed_posts').columns(['created_at', 'id']).execute();
  await db.schema
    .createTable('feed_readers')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('post_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('feed_readers_pk', ['user_id', 'post_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('feed_readers').execute();
  await db.schema.dropTable('feed_posts').execute();
}

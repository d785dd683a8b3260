import type { Kysely } from 'kysely';

/**
 * Message subscriptions by instance: an instance that ends, or receives a message, drops its
 * subscriptions by `instance_id`, which read every subscription of every instance without this index —
 * a step's cost growing with how many instances wait for messages (a payment, a signed contract).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('message_subscriptions_instance')
    .on('message_subscriptions')
    .column('instance_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('message_subscriptions_instance').execute();
}

import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database, EventWebhooksTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import type { WebhookEvent } from './events.ts';

export interface WebhookInput {
  url: string;
  events: WebhookEvent[];
  definitionKey?: string | null | undefined;
  active?: boolean | undefined;
}

export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  definitionKey: string | null;
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const viewOf = (row: EventWebhooksTable): Webhook => ({
  id: row.id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEvent[],
  definitionKey: row.definition_key,
  active: row.active === 1,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/** How long a process trusts its copy of the active webhooks: another process's change shows within it. */
const CACHE_MS = 5_000;
const cached = new WeakMap<object, { until: number; hooks: Promise<Webhook[]> }>();

/**
 * The active webhooks, read (in `trx`: the step's own, as SQLite has one connection) at most every few
 * seconds: every step asks, and almost always there are none or a few. A change made through this process
 * is seen at once.
 */
export function activeWebhooks(rt: Runtime, trx: Kysely<Database>): Promise<Webhook[]> {
  const now = Date.now();
  const hit = cached.get(rt.db);
  if (hit && hit.until > now) return hit.hooks;
  const hooks = trx
    .selectFrom('event_webhooks')
    .selectAll()
    .where('active', '=', 1)
    .execute()
    .then((rows) => rows.map(viewOf));
  cached.set(rt.db, { until: now + CACHE_MS, hooks });
  hooks.catch(() => cached.delete(rt.db));
  return hooks;
}

/** The columns a webhook's input sets (a new one is on unless said otherwise). */
const columnsOf = (input: WebhookInput) => ({
  url: input.url,
  events: JSON.stringify(input.events),
  definition_key: input.definitionKey ?? null,
  active: input.active === false ? 0 : 1,
});

export async function listWebhooks(rt: Runtime, caller: Caller): Promise<Webhook[]> {
  demand(caller, 'manageWebhooks', 'managing webhooks');
  const rows = await rt.db.kysely.selectFrom('event_webhooks').selectAll().orderBy('created_at').execute();
  return rows.map(viewOf);
}

export async function createWebhook(rt: Runtime, caller: Caller, input: WebhookInput): Promise<Webhook> {
  demand(caller, 'manageWebhooks', 'managing webhooks');
  const now = rt.now();
  const row: EventWebhooksTable = {
    id: newRowId(),
    ...columnsOf(input),
    created_by: caller.userId,
    created_at: now,
    updated_at: now,
  };
  await rt.db.kysely.insertInto('event_webhooks').values(row).execute();
  cached.delete(rt.db);
  return viewOf(row);
}

export async function updateWebhook(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: WebhookInput,
): Promise<Webhook> {
  demand(caller, 'manageWebhooks', 'managing webhooks');
  const db = rt.db.kysely;
  const changed = await db
    .updateTable('event_webhooks')
    .set({ ...columnsOf(input), updated_at: rt.now() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) throw new NotFound('webhook', id);
  cached.delete(rt.db);
  return viewOf(await rowOf(db, id));
}

/** Deletes it; its deliveries still waiting find no webhook and are let go. */
export async function deleteWebhook(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageWebhooks', 'managing webhooks');
  const deleted = await rt.db.kysely.deleteFrom('event_webhooks').where('id', '=', id).executeTakeFirst();
  if (Number(deleted.numDeletedRows) === 0) throw new NotFound('webhook', id);
  cached.delete(rt.db);
}

export async function webhookOf(rt: Runtime, caller: Caller, id: string): Promise<Webhook> {
  demand(caller, 'manageWebhooks', 'managing webhooks');
  return viewOf(await rowOf(rt.db.kysely, id));
}

async function rowOf(db: Kysely<Database>, id: string): Promise<EventWebhooksTable> {
  const row = await db.selectFrom('event_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('webhook', id);
  return row;
}

import type { Kysely } from 'kysely';
import { demand } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import type { Db } from '../../db/database.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmPriceListsTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, NotFound } from '../../runtime/errors.ts';
import { toIsoOrNull } from '../../util/time.ts';

export const DAY_MS = 86_400_000;

export interface PriceListInput {
  name: string;
  email?: string | null | undefined;
  staleAfterDays?: number | undefined;
}

export interface PriceListView {
  id: string;
  name: string;
  email: string | null;
  staleAfterDays: number;
  pricesUpdatedAt: string | null;
  requestedAt: string | null;
  /** The prices are older than `staleAfterDays` (or never came). */
  stale: boolean;
  productCount: number;
  createdAt: string;
}

export const DEFAULT_STALE_AFTER_DAYS = 30;

/** Since when the supplier's prices count: when they last came, or when the list was made. */
export const pricesSince = (p: CrmPriceListsTable): number => p.prices_updated_at ?? p.created_at;

const view = (p: CrmPriceListsTable, productCount: number, now: number): PriceListView => ({
  id: p.id,
  name: p.name,
  email: p.email,
  staleAfterDays: p.stale_after_days,
  pricesUpdatedAt: toIsoOrNull(p.prices_updated_at),
  requestedAt: toIsoOrNull(p.requested_at),
  stale: now - pricesSince(p) >= p.stale_after_days * DAY_MS,
  productCount,
  createdAt: new Date(p.created_at).toISOString(),
});

/** Every price list by name, with how many products each has. */
export async function listPriceLists(rt: Runtime): Promise<PriceListView[]> {
  const db = rt.db.kysely;
  const [lists, counts] = await Promise.all([
    db.selectFrom('crm_price_lists').selectAll().orderBy('name').orderBy('id').execute(),
    db
      .selectFrom('crm_products')
      .select(['price_list_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('price_list_id', 'is not', null)
      .groupBy('price_list_id')
      .execute(),
  ]);
  const countOf = new Map(counts.map((c) => [c.price_list_id, Number(c.n)]));
  const now = rt.now();
  return lists.map((p) => view(p, countOf.get(p.id) ?? 0, now));
}

export async function readPriceList(db: Kysely<Database>, id: string): Promise<CrmPriceListsTable> {
  const list = await db.selectFrom('crm_price_lists').selectAll().where('id', '=', id).executeTakeFirst();
  if (!list) throw new NotFound('price list', id);
  return list;
}

export async function getPriceList(rt: Runtime, id: string): Promise<PriceListView> {
  const db = rt.db.kysely;
  const list = await readPriceList(db, id);
  const count = await db
    .selectFrom('crm_products')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('price_list_id', '=', id)
    .executeTakeFirstOrThrow();
  return view(list, Number(count.n), rt.now());
}

export async function createPriceList(
  rt: Runtime,
  caller: Caller,
  input: PriceListInput,
): Promise<PriceListView> {
  demand(caller, 'manageCrm', 'changing price lists');
  const now = rt.now();
  const row: CrmPriceListsTable = {
    id: newRowId(),
    name: input.name,
    email: input.email ?? null,
    stale_after_days: input.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
    prices_updated_at: null,
    requested_at: null,
    created_at: now,
    updated_at: now,
  };
  await rt.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('crm_price_lists').values(row).execute();
    await schedulePriceRequest(rt.db, trx, row, now);
  });
  return getPriceList(rt, row.id);
}

/** A new address or period takes effect at once: the next request is scheduled for them. */
export async function updatePriceList(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: Partial<PriceListInput>,
): Promise<PriceListView> {
  demand(caller, 'manageCrm', 'changing price lists');
  await rt.db.kysely.transaction().execute(async (trx) => {
    const list = await readPriceList(trx, id);
    const changed: CrmPriceListsTable = {
      ...list,
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.email !== undefined && { email: patch.email }),
      ...(patch.staleAfterDays !== undefined && { stale_after_days: patch.staleAfterDays }),
      updated_at: rt.now(),
    };
    await trx.updateTable('crm_price_lists').set(changed).where('id', '=', id).execute();
    if (changed.stale_after_days !== list.stale_after_days || changed.email !== list.email)
      await schedulePriceRequest(rt.db, trx, changed, rt.now());
  });
  return getPriceList(rt, id);
}

/** A price list with products cannot go: quotes and people rely on them (delete or move them first). */
export async function deletePriceList(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing price lists');
  await rt.db.kysely.transaction().execute(async (trx) => {
    const list = await readPriceList(trx, id);
    const used = await trx
      .selectFrom('crm_products')
      .select('id')
      .where('price_list_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    if (used)
      throw new Conflict(
        `the price list ${list.name} still has products; delete them first`,
        'PRICE_LIST_IN_USE',
      );
    await trx.deleteFrom('crm_price_lists').where('id', '=', id).execute();
  });
}

/** The job that asks a supplier for new prices once theirs are stale. */
export const PRICE_REQUEST_JOB = 'crmPriceRequest';
export interface PriceRequestJob {
  priceListId: string;
  /** `pricesSince` and `stale_after_days` when it was scheduled: it acts only if both still hold. */
  since: number;
  days: number;
  /** The how-manieth request for these prices (one every `days` while none come). */
  n: number;
}

/** Schedules the `n`th request for the list's current prices: `days` after they came, then every `days`. */
export async function schedulePriceRequest(
  db: Db,
  trx: Kysely<Database>,
  list: CrmPriceListsTable,
  now: number,
  n = 1,
): Promise<void> {
  const since = pricesSince(list);
  const days = list.stale_after_days;
  const job: PriceRequestJob = { priceListId: list.id, since, days, n };
  await enqueue(
    trx,
    [
      {
        kind: PRICE_REQUEST_JOB,
        key: `${PRICE_REQUEST_JOB}:${list.id}:${since}:${days}:${n}`,
        instanceId: null,
        payload: job,
        dueAt: Math.max(now, since + n * days * DAY_MS),
      },
    ],
    now,
  );
  await announceJobs(db, trx);
}

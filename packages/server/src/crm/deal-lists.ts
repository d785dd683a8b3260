import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { type DealView, dealRows, dealView } from './deal-rows.ts';
import { fromMinor } from './money.ts';
import type { CrmEntity } from './pipelines.ts';
import { contains } from './search.ts';
import { ledByCaller } from './visibility.ts';

/** What boards and lists read: deals (or leads) page by page, and a pipeline's counts and sums per stage. */

export interface DealFilter {
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  responsibleId?: string | undefined;
  contactId?: string | undefined;
  companyId?: string | undefined;
  q?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export async function listDeals(
  rt: Runtime,
  caller: Caller,
  f: DealFilter,
  entity: CrmEntity = 'deal',
): Promise<Page<DealView>> {
  const db = rt.db.kysely;
  const ledBy = await ledByCaller(db, caller);
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = dealRows(db);
  // A stage or pipeline says what is on it: checked here, so the query is on the stage's (or the
  // pipeline's) index alone — with `entity` in it SQLite walks the entity index, every deal newest first.
  const on = await entityOn(db, f);
  if (on === null) q = q.where('d.entity', '=', entity);
  else if (on !== entity) return { items: [], nextCursor: null };
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  // A stage is on one pipeline (entityOn checked that it is the one asked for).
  if (f.pipelineId !== undefined && f.stageId === undefined) q = q.where('d.pipeline_id', '=', f.pipelineId);
  if (f.stageId !== undefined) q = q.where('d.stage_id', '=', f.stageId);
  if (f.responsibleId !== undefined) q = q.where('d.responsible_id', '=', f.responsibleId);
  if (f.contactId !== undefined) q = q.where('d.contact_id', '=', f.contactId);
  if (f.companyId !== undefined) q = q.where('d.company_id', '=', f.companyId);
  if (f.q !== undefined && f.q !== '') q = q.where(contains('d.search', f.q));
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([eb('d.created_at', '<', at), eb.and([eb('d.created_at', '=', at), eb('d.id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, dealView, (r) => [r.created_at, r.id]);
}

/** What moves along the filter's stage or pipeline (undefined: no such one); null without either filter. */
async function entityOn(db: Kysely<Database>, f: DealFilter): Promise<string | undefined | null> {
  if (f.stageId === undefined && f.pipelineId === undefined) return null;
  let q = db.selectFrom('crm_pipelines as p').select('p.entity');
  if (f.pipelineId !== undefined) q = q.where('p.id', '=', f.pipelineId);
  if (f.stageId !== undefined)
    q = q.where('p.id', 'in', db.selectFrom('crm_stages').select('pipeline_id').where('id', '=', f.stageId));
  return (await q.executeTakeFirst())?.entity;
}

export interface StageSummary {
  id: string;
  count: number;
  amounts: Record<string, number>;
  amount: number;
  currency: string | null;
}

/** How many of the deals the caller sees are at each stage of a pipeline, and their sums per currency. */
export async function pipelineSummary(
  rt: Runtime,
  caller: Caller,
  pipelineId: string,
): Promise<StageSummary[]> {
  const db = rt.db.kysely;
  const stages = await db
    .selectFrom('crm_stages')
    .select('id')
    .where('pipeline_id', '=', pipelineId)
    .orderBy('sort')
    .execute();
  if (stages.length === 0) throw new NotFound('pipeline', pipelineId);
  const ledBy = await ledByCaller(db, caller);
  let q = db
    .selectFrom('crm_deals as d')
    .select(['d.stage_id', 'd.currency'])
    .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum('d.amount_minor').as('minor')])
    .where('d.pipeline_id', '=', pipelineId)
    .groupBy(['d.stage_id', 'd.currency']);
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  const rows = await q.execute();
  return stages.map(({ id }) => {
    const mine = rows.filter((r) => r.stage_id === id);
    const amounts = Object.fromEntries(
      mine.filter((r) => r.minor !== null).map((r) => [r.currency, fromMinor(Number(r.minor))]),
    );
    const largest = Object.entries(amounts).sort((a, b) => b[1] - a[1])[0];
    return {
      id,
      count: mine.reduce((n, r) => n + Number(r.n), 0),
      amounts,
      amount: largest?.[1] ?? 0,
      currency: largest?.[0] ?? null,
    };
  });
}

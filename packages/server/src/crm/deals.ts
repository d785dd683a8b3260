import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { releaseFiles, writerFiles } from '../uploads/store.ts';
import { itemEvent, queueEvents } from '../webhooks/outbox.ts';
import {
  type DealFields,
  type DealView,
  dealRows,
  dealView,
  type StageVisit,
  stageVisits,
} from './deal-rows.ts';
import { checkFieldValues } from './field-definitions.ts';
import { DEFAULT_CURRENCY, toMinor } from './money.ts';
import type { CrmEntity } from './pipelines.ts';
import { badReference, checkParty, checkResponsible } from './references.ts';
import { scheduleRobots } from './robots.ts';
import { searchText } from './search.ts';
import { findWritable, type LedBy, ledByCaller } from './visibility.ts';

export interface DealInput {
  title: string;
  pipelineId: string;
  stageId?: string | undefined;
  amount?: number | null | undefined;
  currency?: string | undefined;
  contactId?: string | null | undefined;
  companyId?: string | null | undefined;
  responsibleId?: string | undefined;
  comment?: string | null | undefined;
  fields?: DealFields | undefined;
  /** A lead's person, company, phone, e-mail and source, as given. */
  name?: string | null | undefined;
  companyTitle?: string | null | undefined;
  phone?: string | null | undefined;
  email?: string | null | undefined;
  source?: string | null | undefined;
}

export type DealPatch = Partial<DealInput> & { version?: number | undefined };

/**
 * A visible deal (or lead) with its stage history and whether the caller may change it; 404 for one
 * the caller does not see.
 */
export async function getDeal(
  rt: Runtime,
  caller: Caller,
  id: string,
  entity: CrmEntity = 'deal',
): Promise<DealView & { stages: StageVisit[]; editable: boolean }> {
  const db = rt.db.kysely;
  const [deal, writable] = await Promise.all([
    visibleDeal(db, await ledByCaller(db, caller), id, entity),
    ledByCaller(db, caller, 'write').then((ledBy) => readDeal(db, id, ledBy, entity)),
  ]);
  return { ...deal, stages: await stageVisits(db, id), editable: writable !== undefined };
}

async function visibleDeal(
  db: Kysely<Database>,
  ledBy: LedBy | null,
  id: string,
  entity: CrmEntity,
): Promise<DealView> {
  const deal = await readDeal(db, id, ledBy, entity);
  if (!deal) throw new NotFound(entity, id);
  return deal;
}

/** A deal or lead the caller may change (403 for one they only read, 404 for one they do not see). */
export const writableDeal = (db: Kysely<Database>, caller: Caller, id: string, entity?: CrmEntity) =>
  findWritable(db, caller, entity ?? 'deal', id, (ledBy) => readDeal(db, id, ledBy, entity));

/** A deal or lead by id (one `ledBy` lets see; of `entity`, when given), or undefined. */
export async function readDeal(
  db: Kysely<Database>,
  id: string,
  ledBy: LedBy | null = null,
  entity?: CrmEntity,
): Promise<DealView | undefined> {
  let q = dealRows(db).where('d.id', '=', id);
  if (entity !== undefined) q = q.where('d.entity', '=', entity);
  if (ledBy) q = q.where(ledBy('deals', 'd'));
  const row = await q.executeTakeFirst();
  return row && dealView(row);
}

/** The stage `stageId` of `pipelineId` (a pipeline of `entity`), or its first stage; BAD_REFERENCE naming the field. */
async function stageIn(
  db: Kysely<Database>,
  pipelineId: string,
  stageId: string | undefined,
  entity: CrmEntity,
) {
  const pipeline = await db
    .selectFrom('crm_pipelines')
    .select('id')
    .where('id', '=', pipelineId)
    .where('entity', '=', entity)
    .executeTakeFirst();
  if (!pipeline) throw badReference('body.pipelineId', `there is no ${entity} pipeline ${pipelineId}`);
  let q = db.selectFrom('crm_stages').select(['id', 'kind', 'name']).where('pipeline_id', '=', pipelineId);
  q = stageId === undefined ? q.orderBy('sort').limit(1) : q.where('id', '=', stageId);
  const stage = await q.executeTakeFirst();
  if (!stage)
    throw badReference('body.stageId', `there is no stage ${stageId} in the pipeline ${pipelineId}`);
  return stage;
}

/** Contacts, companies and the responsible person a deal names exist (and the caller sees the first two). */
async function checkLinks(db: Kysely<Database>, ledBy: LedBy | null, d: Partial<DealInput>): Promise<void> {
  if (d.contactId) await checkParty(db, ledBy, 'crm_contacts', d.contactId, 'body.contactId');
  if (d.companyId) await checkParty(db, ledBy, 'crm_companies', d.companyId, 'body.companyId');
  if (d.responsibleId !== undefined) await checkResponsible(db, d.responsibleId, 'body.responsibleId');
}

const isClosed = (kind: string) => kind !== 'open';

export async function createDeal(
  rt: Runtime,
  caller: Caller,
  input: DealInput,
  entity: CrmEntity = 'deal',
): Promise<DealView> {
  const id = await rt.db.kysely.transaction().execute((trx) => insertDeal(rt, trx, caller, input, entity));
  return visibleDeal(rt.db.kysely, null, id, entity);
}

/** The columns a lead keeps of its person, as given. */
const leadColumns = (d: Partial<DealInput>) => ({
  ...(d.name !== undefined && { lead_name: d.name }),
  ...(d.companyTitle !== undefined && { lead_company: d.companyTitle }),
  ...(d.phone !== undefined && { lead_phone: d.phone }),
  ...(d.email !== undefined && { lead_email: d.email }),
  ...(d.source !== undefined && { source: d.source }),
});

/** What `q` finds a deal (its title) or a lead (also its person, company, phone, e-mail) by. */
export const itemSearch = (
  title: string,
  lead: {
    lead_name?: string | null;
    lead_company?: string | null;
    lead_phone?: string | null;
    lead_email?: string | null;
  },
) => searchText(title, lead.lead_name, lead.lead_company, lead.lead_phone, lead.lead_email);

/**
 * Inserts a deal (or lead) at its stage in `trx`, with its first visit and the robots it sets off; returns
 * its id. Its file fields may name the caller's uploads, and the files of `carried` (a converted lead).
 */
export async function insertDeal(
  rt: Runtime,
  trx: Kysely<Database>,
  caller: Caller,
  input: DealInput,
  entity: CrmEntity,
  carried: readonly string[] = [],
): Promise<string> {
  const id = newRowId();
  const stage = await stageIn(trx, input.pipelineId, input.stageId, entity);
  await checkLinks(trx, await ledByCaller(trx, caller), input);
  const owner = `${entity}:${id}`;
  await checkFieldValues(trx, entity, stage, input.fields ?? {}, {
    owner,
    source: writerFiles(owner, caller.userId, carried),
  });
  const now = rt.now();
  const lead = leadColumns(input);
  await trx
    .insertInto('crm_deals')
    .values({
      id,
      entity,
      title: input.title,
      pipeline_id: input.pipelineId,
      stage_id: stage.id,
      amount_minor: input.amount == null ? null : toMinor(input.amount),
      currency: input.currency ?? DEFAULT_CURRENCY,
      contact_id: input.contactId ?? null,
      company_id: input.companyId ?? null,
      responsible_id: input.responsibleId ?? caller.userId,
      comment: input.comment ?? null,
      fields: JSON.stringify(input.fields ?? {}),
      ...lead,
      search: itemSearch(input.title, lead),
      version: 1,
      stage_changed_at: now,
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
      closed_at: isClosed(stage.kind) ? now : null,
    })
    .execute();
  await trx
    .insertInto('crm_deal_stages')
    .values({ deal_id: id, seq: 1, stage_id: stage.id, entered_at: now, entered_by: caller.userId })
    .execute();
  await scheduleRobots(rt, trx, { dealId: id, stageId: stage.id, seq: 1 }, now);
  await queueEvents(rt, trx, [
    itemEvent({
      entity,
      id,
      title: input.title,
      pipelineId: input.pipelineId,
      stage,
      amount: input.amount ?? null,
      currency: input.currency ?? DEFAULT_CURRENCY,
      responsibleId: input.responsibleId ?? caller.userId,
      seq: 1,
      at: now,
      actor: caller.userId,
    }),
  ]);
  return id;
}

/**
 * Changes a visible deal. A new stage is recorded in its history; `version`, when given, must be the
 * deal's (someone else's change in between is a 409, not silently overwritten).
 */
export async function updateDeal(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: DealPatch,
  entity: CrmEntity = 'deal',
): Promise<DealView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const deal = await writableDeal(trx, caller, id, entity);
    const ledBy = await ledByCaller(trx, caller);
    if (patch.version !== undefined && patch.version !== deal.version)
      throw new Conflict(
        `the deal changed since version ${patch.version} (it is at ${deal.version}); reload it`,
        'VERSION_CONFLICT',
      );
    await checkLinks(trx, ledBy, patch);
    await writeDeal(rt, trx, caller.userId, deal, patch);
  });
  return visibleDeal(rt.db.kysely, null, id, entity);
}

/**
 * Applies `patch` to `deal` as `actor` (a person, or a process writing back): a new stage or new fields
 * must fit the company's deal fields (required ones filled), and a new stage sets off its robots.
 */
export async function writeDeal(
  rt: Runtime,
  trx: Kysely<Database>,
  actor: string,
  deal: DealView,
  patch: Partial<DealInput> & { convertedDealId?: string },
): Promise<void> {
  const now = rt.now();
  const pipelineId = patch.pipelineId ?? deal.pipelineId;
  const moving = patch.pipelineId !== undefined && patch.pipelineId !== deal.pipelineId;
  const stage =
    moving || (patch.stageId !== undefined && patch.stageId !== deal.stageId)
      ? await stageIn(trx, pipelineId, patch.stageId, deal.entity)
      : null;
  const owner = `${deal.entity}:${deal.id}`;
  if (stage || patch.fields !== undefined)
    await checkFieldValues(
      trx,
      deal.entity,
      stage ?? { id: deal.stageId, name: deal.stageName },
      patch.fields ?? deal.fields,
      { owner, source: writerFiles(owner, actor) },
    );
  const title = patch.title ?? deal.title;
  const lead = leadColumns(patch);
  const person = {
    lead_name: deal.name,
    lead_company: deal.companyTitle,
    lead_phone: deal.phone,
    lead_email: deal.email,
    ...lead,
  };
  const changed = await trx
    .updateTable('crm_deals')
    .set({
      title,
      ...lead,
      search: itemSearch(title, person),
      pipeline_id: pipelineId,
      ...(patch.convertedDealId !== undefined && { converted_deal_id: patch.convertedDealId }),
      ...(patch.amount !== undefined && {
        amount_minor: patch.amount === null ? null : toMinor(patch.amount),
      }),
      ...(patch.currency !== undefined && { currency: patch.currency }),
      ...(patch.contactId !== undefined && { contact_id: patch.contactId }),
      ...(patch.companyId !== undefined && { company_id: patch.companyId }),
      ...(patch.responsibleId !== undefined && { responsible_id: patch.responsibleId }),
      ...(patch.comment !== undefined && { comment: patch.comment }),
      ...(patch.fields !== undefined && { fields: JSON.stringify(patch.fields) }),
      ...(stage && {
        stage_id: stage.id,
        stage_changed_at: now,
        closed_at: isClosed(stage.kind) ? now : null,
      }),
      version: deal.version + 1,
      updated_at: now,
    })
    .where('id', '=', deal.id)
    .where('version', '=', deal.version)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0)
    throw new Conflict(`the deal ${deal.id} changed at the same moment; try again`, 'VERSION_CONFLICT');
  if (stage) {
    const last = await trx
      .selectFrom('crm_deal_stages')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('deal_id', '=', deal.id)
      .executeTakeFirst();
    const seq = Number(last?.seq ?? 0) + 1;
    await trx
      .insertInto('crm_deal_stages')
      .values({ deal_id: deal.id, seq, stage_id: stage.id, entered_at: now, entered_by: actor })
      .execute();
    await scheduleRobots(rt, trx, { dealId: deal.id, stageId: stage.id, seq }, now);
    await queueEvents(rt, trx, [
      itemEvent({
        entity: deal.entity,
        id: deal.id,
        title,
        pipelineId,
        stage,
        fromStageId: deal.stageId,
        amount: patch.amount !== undefined ? patch.amount : deal.amount,
        currency: patch.currency ?? deal.currency,
        responsibleId: patch.responsibleId ?? deal.responsibleId,
        seq,
        at: now,
        actor,
      }),
    ]);
  }
}

export async function deleteDeal(
  rt: Runtime,
  caller: Caller,
  id: string,
  entity: CrmEntity = 'deal',
): Promise<void> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    await writableDeal(trx, caller, id, entity);
    // What hangs on the deal goes with it: its stage history, activities, quotes, letters and files.
    await trx.deleteFrom('crm_deal_stages').where('deal_id', '=', id).execute();
    const letters = trx.selectFrom('crm_emails').select('id').where('deal_id', '=', id);
    await trx.deleteFrom('crm_email_files').where('email_id', 'in', letters).execute();
    await trx.deleteFrom('crm_emails').where('deal_id', '=', id).execute();
    await trx.deleteFrom('crm_activities').where('deal_id', '=', id).execute();
    const quotes = trx.selectFrom('crm_quotes').select('id').where('deal_id', '=', id);
    await trx.deleteFrom('crm_quote_rows').where('quote_id', 'in', quotes).execute();
    await trx.deleteFrom('crm_quotes').where('deal_id', '=', id).execute();
    await releaseFiles(trx, [`${entity}:${id}`]);
    await trx.deleteFrom('crm_deals').where('id', '=', id).execute();
  });
}

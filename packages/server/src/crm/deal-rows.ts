import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { fromMinor } from './money.ts';
import type { CrmEntity, StageKind } from './pipelines.ts';

/** A deal's own fields: scalar values by name. */
export type DealFields = Record<string, string | number | boolean | null>;

export interface DealView {
  id: string;
  entity: CrmEntity;
  title: string;
  pipelineId: string;
  stageId: string;
  stageName: string;
  stageKind: StageKind;
  amount: number | null;
  currency: string;
  contactId: string | null;
  contactName: string | null;
  companyId: string | null;
  companyName: string | null;
  responsibleId: string;
  responsibleName: string | null;
  comment: string | null;
  fields: DealFields;
  version: number;
  stageChangedAt: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  /** A lead's person, company, phone, e-mail and source as given; the deal it was converted into. */
  name: string | null;
  companyTitle: string | null;
  phone: string | null;
  email: string | null;
  source: string | null;
  convertedDealId: string | null;
}

/** Deals with the names a list shows (stage, contact, company, responsible). */
export const dealRows = (db: Kysely<Database>) =>
  db
    .selectFrom('crm_deals as d')
    .innerJoin('crm_stages as s', 's.id', 'd.stage_id')
    .leftJoin('crm_contacts as c', 'c.id', 'd.contact_id')
    .leftJoin('crm_companies as co', 'co.id', 'd.company_id')
    .leftJoin('users as u', 'u.id', 'd.responsible_id')
    .selectAll('d')
    .select([
      's.name as stage_name',
      's.kind as stage_kind',
      'c.name as contact_name',
      'co.name as company_name',
    ])
    .select('u.name as responsible_name');

type DealRow = Awaited<ReturnType<ReturnType<typeof dealRows>['executeTakeFirstOrThrow']>>;

export const dealView = (r: DealRow): DealView => ({
  id: r.id,
  entity: r.entity as CrmEntity,
  title: r.title,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  stageName: r.stage_name,
  stageKind: r.stage_kind as StageKind,
  amount: r.amount_minor === null ? null : fromMinor(r.amount_minor),
  currency: r.currency,
  contactId: r.contact_id,
  contactName: r.contact_name,
  companyId: r.company_id,
  companyName: r.company_name,
  responsibleId: r.responsible_id,
  responsibleName: r.responsible_name,
  comment: r.comment,
  fields: JSON.parse(r.fields) as DealFields,
  version: r.version,
  stageChangedAt: toIso(r.stage_changed_at),
  createdBy: r.created_by,
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
  closedAt: toIsoOrNull(r.closed_at),
  name: r.lead_name,
  companyTitle: r.lead_company,
  phone: r.lead_phone,
  email: r.lead_email,
  source: r.source,
  convertedDealId: r.converted_deal_id,
});

export interface StageVisit {
  stageId: string;
  /** Null once the stage was removed from the pipeline. */
  stageName: string | null;
  enteredAt: string;
  by: string;
}

/** The stages a deal has been at, oldest first. */
export async function stageVisits(db: Kysely<Database>, dealId: string): Promise<StageVisit[]> {
  const rows = await db
    .selectFrom('crm_deal_stages as v')
    .leftJoin('crm_stages as s', 's.id', 'v.stage_id')
    .select(['v.stage_id', 's.name', 'v.entered_at', 'v.entered_by'])
    .where('v.deal_id', '=', dealId)
    .orderBy('v.seq')
    .execute();
  return rows.map((r) => ({
    stageId: r.stage_id,
    stageName: r.name,
    enteredAt: toIso(r.entered_at),
    by: r.entered_by,
  }));
}

import type { Effect } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import { recordRefOf, writeRecordFields } from '../lists/record-document.ts';
import { Unprocessable } from '../runtime/errors.ts';
import { crmRefOf } from './deal-document.ts';
import { dealFieldName, dealFieldValue } from './deal-fields.ts';
import type { DealView } from './deal-rows.ts';
import { type DealInput, readDeal, writeDeal } from './deals.ts';
import { amountField, currencyField } from './money.ts';
import { type PartyInput, type PartyKind, type PartyView, readPartyView, writeParty } from './parties.ts';

type UpdateDocument = Extract<Effect, { type: 'updateDocument' }>;

/** A lead's person as given: what a process may write back to it beyond a deal's names. */
type LeadPerson = 'name' | 'companyTitle' | 'phone' | 'email' | 'source';
const LEAD_PERSON: Record<string, LeadPerson> = {
  name: 'name',
  companyTitle: 'companyTitle',
  phone: 'phone',
  email: 'email',
  source: 'source',
};

/**
 * A setFields activity writing to the CRM item its process is about (`documentRef: deal:<id>`, or a
 * lead, contact, company) or to its list record (`record:<id>`). The process already reads the new values from its own copy; this puts them
 * on the item, with the job's
 * completion (once). A value the deal cannot take is a dead job naming it. A process about no CRM item
 * (or an outside one) keeps its fields in its own copy only: the job has nothing more to do.
 */
export const updateDocumentHandler: JobHandler = {
  kind: 'updateDocument',
  async run(rt, job, finish) {
    const e = payloadOf<UpdateDocument>(job);
    const instance =
      job.instance_id === null
        ? undefined
        : await rt.db.kysely
            .selectFrom('instances')
            .select('document_ref')
            .where('id', '=', job.instance_id)
            .executeTakeFirst();
    const documentRef = instance?.document_ref ?? null;
    const ref = crmRefOf(documentRef);
    const where = `fields at ${e.nodeId}`;
    const recordId = recordRefOf(documentRef);
    if (recordId !== null)
      return rt.db.kysely.transaction().execute(async (trx) => {
        await writeRecordFields(trx, recordId, e.fields, `process:${job.instance_id}`, where, rt.now());
        await finish(trx);
      });
    if (ref === null) return finish();
    await rt.db.kysely.transaction().execute(async (trx) => {
      try {
        if (ref.entity === 'contact' || ref.entity === 'company') {
          const party = await readPartyView(trx, ref.entity, ref.id);
          if (!party) throw new PermanentFailure(`${where}: the ${ref.entity} ${ref.id} no longer exists`);
          const patch = await partyPatch(trx, ref.entity, party, e.fields, where);
          await writeParty(rt, trx, null, `process:${job.instance_id}`, ref.entity, party, patch);
        } else {
          const deal = await readDeal(trx, ref.id, null, ref.entity);
          if (!deal) throw new PermanentFailure(`${where}: the ${ref.entity} ${ref.id} no longer exists`);
          const patch = await dealPatch(trx, deal, e.fields, where);
          await writeDeal(rt, trx, `process:${job.instance_id}`, deal, patch);
        }
      } catch (error) {
        if (error instanceof Unprocessable)
          throw new PermanentFailure(`${where}: ${error.errors.map((x) => x.message).join('; ')}`);
        throw error;
      }
      await finish(trx);
    });
  },
};

/** What a process's field values change on the deal; a PermanentFailure naming the first it cannot take. */
async function dealPatch(
  db: Kysely<Database>,
  deal: DealView,
  values: Record<string, unknown>,
  where: string,
): Promise<Partial<DealInput>> {
  const patch: Partial<DealInput> = {};
  const fields = { ...deal.fields };
  const refuse = (name: string, why: string): never => {
    throw new PermanentFailure(`${where}: ${name} ${why}`);
  };
  const parsed = <T>(name: string, schema: { safeParse(v: unknown): { success: boolean; data?: T } }) => {
    const r = schema.safeParse(values[name]);
    return r.success ? (r.data as T) : refuse(name, `cannot be ${JSON.stringify(values[name])}`);
  };
  for (const name of Object.keys(values)) {
    const person = deal.entity === 'lead' && Object.hasOwn(LEAD_PERSON, name) ? LEAD_PERSON[name] : undefined;
    if (person) {
      patch[person] = values[name] === null ? null : String(values[name]);
      continue;
    }
    switch (name) {
      case 'title': {
        const title = values.title;
        patch.title =
          typeof title === 'string' && title.trim() !== '' ? title : refuse(name, 'must be a text');
        break;
      }
      case 'amount':
        patch.amount = values.amount === null ? null : parsed<number>(name, amountField);
        break;
      case 'currency':
        patch.currency = parsed<string>(name, currencyField);
        break;
      case 'comment':
        patch.comment = values.comment === null ? null : String(values.comment);
        break;
      case 'responsible':
        patch.responsibleId =
          (await activeUser(db, values.responsible)) ??
          refuse(name, `${JSON.stringify(values.responsible)} is no active user`);
        break;
      case 'stage':
        patch.stageId =
          (await stageNamed(db, deal.pipelineId, values.stage)) ??
          refuse(name, `${JSON.stringify(values.stage)} is no stage of the deal's pipeline`);
        break;
      default:
        if (!dealFieldName.safeParse(name).success) refuse(name, 'cannot be written to a deal');
        fields[name] = parsed(name, dealFieldValue);
        patch.fields = fields;
    }
  }
  return patch;
}

/** A contact's or company's texts a process may write, by the names it reads them as. */
const PARTY_TEXTS: Record<PartyKind, readonly string[]> = {
  contact: ['phone', 'email', 'comment', 'position'],
  company: ['phone', 'email', 'comment', 'taxId', 'address'],
};

/** What a process's values change on a contact or company; a PermanentFailure naming the first it cannot take. */
async function partyPatch(
  db: Kysely<Database>,
  kind: PartyKind,
  party: PartyView,
  values: Record<string, unknown>,
  where: string,
): Promise<PartyInput> {
  const patch: PartyInput = {};
  const fields = { ...party.fields };
  const refuse = (name: string, why: string): never => {
    throw new PermanentFailure(`${where}: ${name} ${why}`);
  };
  for (const [name, value] of Object.entries(values)) {
    if (name === 'name')
      patch.name = typeof value === 'string' && value.trim() !== '' ? value : refuse(name, 'must be a text');
    else if (PARTY_TEXTS[kind].includes(name)) patch[name] = value === null ? null : String(value);
    else if (name === 'responsible')
      patch.responsibleId =
        (await activeUser(db, value)) ?? refuse(name, `${JSON.stringify(value)} is no active user`);
    else {
      if (!dealFieldName.safeParse(name).success) refuse(name, `cannot be written to a ${kind}`);
      const parsed = dealFieldValue.safeParse(value);
      fields[name] = parsed.success ? parsed.data : refuse(name, `cannot be ${JSON.stringify(value)}`);
      patch.fields = fields;
    }
  }
  return patch;
}

async function activeUser(db: Kysely<Database>, id: unknown): Promise<string | undefined> {
  if (typeof id !== 'string') return undefined;
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return user?.id;
}

/** A stage of the pipeline by its id or its name (any letter case). */
async function stageNamed(
  db: Kysely<Database>,
  pipelineId: string,
  stage: unknown,
): Promise<string | undefined> {
  if (typeof stage !== 'string') return undefined;
  const stages = await db
    .selectFrom('crm_stages')
    .select(['id', 'name'])
    .where('pipeline_id', '=', pipelineId)
    .execute();
  const wanted = stage.trim().toLocaleLowerCase();
  return stages.find((s) => s.id === stage || s.name.toLocaleLowerCase() === wanted)?.id;
}

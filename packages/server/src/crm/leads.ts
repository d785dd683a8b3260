import type { Kysely } from 'kysely';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict } from '../runtime/errors.ts';
import type { DealView } from './deal-rows.ts';
import { createDeal, type DealInput, insertDeal, readDeal, writableDeal, writeDeal } from './deals.ts';
import { insertParty } from './parties.ts';
import { listPipelines } from './pipelines.ts';
import { badReference } from './references.ts';
import { contains } from './search.ts';
import { type LedBy, ledByCaller } from './visibility.ts';

export type LeadInput = Omit<DealInput, 'title' | 'pipelineId'> & {
  title?: string | undefined;
  pipelineId?: string | undefined;
};

/**
 * A new lead: on its pipeline (default the first lead pipeline), titled as given or after who it is
 * from. It needs something to go by: a title, a name, a company, a phone or an e-mail.
 */
export async function createLead(rt: Runtime, caller: Caller, input: LeadInput): Promise<DealView> {
  const title = input.title ?? [input.name, input.companyTitle].filter(Boolean).join(', ');
  const from = title || input.phone || input.email;
  if (!from) throw badReference('body', 'a lead needs a title, a name, a company, a phone or an e-mail');
  const pipelineId = input.pipelineId ?? (await listPipelines(rt.db.kysely, 'lead'))[0]?.id;
  if (pipelineId === undefined) throw badReference('body.pipelineId', 'there is no lead pipeline yet');
  return createDeal(rt, caller, { ...input, title: from, pipelineId }, 'lead');
}

export interface ConvertInput {
  /** The deal pipeline (default the first) and stage (default its first). */
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  /** The deal's title (default the lead's). */
  title?: string | undefined;
}

/**
 * Converts a lead into a deal, in one transaction: its person becomes a contact (or the contact the
 * caller has with that e-mail), its company a company (or the one the caller has of that name), the deal
 * takes its amount, manager, comment and fields; the lead moves to its won stage, linked to the deal.
 */
export async function convertLead(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: ConvertInput,
): Promise<{ lead: DealView; deal: DealView }> {
  const dealId = await rt.db.kysely.transaction().execute(async (trx) => {
    const lead = await writableDeal(trx, caller, id, 'lead');
    const ledBy = await ledByCaller(trx, caller);
    if (lead.convertedDealId !== null)
      throw new Conflict(`the lead was converted into the deal ${lead.convertedDealId}`, 'LEAD_CONVERTED');
    const pipelineId = input.pipelineId ?? (await listPipelines(trx, 'deal'))[0]?.id;
    if (pipelineId === undefined) throw badReference('body.pipelineId', 'there is no deal pipeline yet');
    const contactId = lead.contactId ?? (await contactFor(rt, trx, ledBy, caller, lead));
    const companyId = lead.companyId ?? (await companyFor(rt, trx, ledBy, caller, lead));
    const deal = await insertDeal(
      rt,
      trx,
      caller,
      {
        title: input.title ?? lead.title,
        pipelineId,
        stageId: input.stageId,
        amount: lead.amount,
        currency: lead.currency,
        contactId,
        companyId,
        responsibleId: lead.responsibleId,
        comment: lead.comment,
        fields: lead.fields,
      },
      'deal',
      [`lead:${lead.id}`],
    );
    const won = await trx
      .selectFrom('crm_stages')
      .select('id')
      .where('pipeline_id', '=', lead.pipelineId)
      .where('kind', '=', 'won')
      .executeTakeFirstOrThrow();
    await writeDeal(rt, trx, caller.userId, lead, {
      stageId: won.id,
      contactId,
      companyId,
      convertedDealId: deal,
    });
    return deal;
  });
  const [lead, deal] = await Promise.all([readDeal(rt.db.kysely, id), readDeal(rt.db.kysely, dealId)]);
  return { lead: lead as DealView, deal: deal as DealView };
}

/** The contact for a lead's person: one the caller has with its e-mail, else a new one (null: nobody named). */
async function contactFor(
  rt: Runtime,
  trx: Kysely<Database>,
  ledBy: LedBy | null,
  caller: Caller,
  lead: DealView,
): Promise<string | null> {
  if (!lead.name && !lead.email && !lead.phone) return null;
  const email = lead.email?.toLowerCase();
  if (email) {
    let q = trx
      .selectFrom('crm_contacts')
      .select(['id', 'email'])
      .where(contains('crm_contacts.search', email));
    if (ledBy) q = q.where(ledBy('contacts', 'crm_contacts'));
    const same = (await q.execute()).find((c) => c.email?.toLowerCase() === email);
    if (same) return same.id;
  }
  const name = lead.name ?? lead.email ?? lead.phone ?? '';
  return insertParty(rt, trx, caller, 'contact', {
    name,
    phone: lead.phone,
    email: lead.email,
    responsibleId: lead.responsibleId,
  });
}

/** The company for a lead's company: the one the caller has of that name, else a new one. */
async function companyFor(
  rt: Runtime,
  trx: Kysely<Database>,
  ledBy: LedBy | null,
  caller: Caller,
  lead: DealView,
): Promise<string | null> {
  if (!lead.companyTitle) return null;
  const wanted = lead.companyTitle.trim().toLowerCase();
  let q = trx
    .selectFrom('crm_companies')
    .select(['id', 'name'])
    .where(contains('crm_companies.search', wanted));
  if (ledBy) q = q.where(ledBy('companies', 'crm_companies'));
  const same = (await q.execute()).filter((c) => c.name.trim().toLowerCase() === wanted);
  if (same.length === 1) return (same[0] as { id: string }).id;
  return insertParty(rt, trx, caller, 'company', {
    name: lead.companyTitle,
    responsibleId: lead.responsibleId,
  });
}

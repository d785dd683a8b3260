import { type Kysely, sql } from 'kysely';
import type { CrmMailboxesTable, Database } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { insertDeal } from '../deals.ts';
import { systemCaller } from '../system-caller.ts';
import type { Letter } from './letter.ts';

/** Where a letter goes: a deal or lead, and whether a lead was made for it. */
export interface Route {
  dealId: string;
  lead: boolean;
}

const sameAddress = (column: string, address: string) => sql<boolean>`lower(${sql.ref(column)}) = ${address}`;

/**
 * The newest deal of a contact, or of a company (its own or its people's): an open one if there is one,
 * else the last closed.
 */
async function dealOf(trx: Kysely<Database>, column: 'contact_id' | 'company_id', partyId: string) {
  const people = trx.selectFrom('crm_contacts').select('id').where('company_id', '=', partyId);
  const deal = await trx
    .selectFrom('crm_deals')
    .select('id')
    .where((eb) =>
      column === 'contact_id'
        ? eb('contact_id', '=', partyId)
        : eb.or([eb('company_id', '=', partyId), eb('contact_id', 'in', people)]),
    )
    .where('entity', '=', 'deal')
    .orderBy(sql`closed_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return deal?.id;
}

async function knownSender(trx: Kysely<Database>, address: string): Promise<string | undefined> {
  const lead = await trx
    .selectFrom('crm_deals')
    .select('id')
    .where('entity', '=', 'lead')
    .where('converted_deal_id', 'is', null)
    .where(sameAddress('lead_email', address))
    .orderBy(sql`closed_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (lead) return lead.id;
  for (const [table, column] of [
    ['crm_contacts', 'contact_id'],
    ['crm_companies', 'company_id'],
  ] as const) {
    const parties = await trx.selectFrom(table).select('id').where(sameAddress('email', address)).execute();
    for (const party of parties) {
      const deal = await dealOf(trx, column, party.id);
      if (deal) return deal;
    }
  }
  return undefined;
}

/**
 * The deal or lead a letter belongs to: the one of the letter it answers; else the sender's open lead,
 * or the newest deal of the contact or company with the sender's address; else, when the mailbox makes
 * leads and a person wrote it, a new lead on its pipeline. None: the letter is not the CRM's (a
 * colleague, a newsletter, a bounce).
 */
export async function routeLetter(
  rt: Runtime,
  trx: Kysely<Database>,
  m: CrmMailboxesTable,
  letter: Letter,
): Promise<Route | null> {
  if (letter.answers.length > 0) {
    const thread = await trx
      .selectFrom('crm_emails')
      .select('deal_id')
      .where('message_key', 'in', letter.answers)
      .limit(1)
      .executeTakeFirst();
    if (thread) return { dealId: thread.deal_id, lead: false };
  }
  const sender = letter.from.address;
  if (sender === '' || sender === m.address.toLowerCase()) return null;
  const known = await knownSender(trx, sender);
  if (known) return { dealId: known, lead: false };
  // A newsletter, an auto-reply or a bounce from no one the CRM knows is no request.
  if (m.lead_pipeline_id === null || letter.automatic) return null;
  const dealId = await insertDeal(
    rt,
    trx,
    systemCaller(`mailbox:${m.id}`),
    {
      title: letter.subject || letter.from.name || sender,
      pipelineId: m.lead_pipeline_id,
      responsibleId: m.lead_responsible_id ?? m.owner_id ?? m.created_by,
      name: letter.from.name,
      email: sender,
      source: `e-mail: ${m.name}`,
    },
    'lead',
  );
  return { dealId, lead: true };
}

import { newRowId } from '../db/row-ids.ts';
import type { OutgoingEvent } from '../webhooks/events.ts';
import { itemEvent } from '../webhooks/outbox.ts';
import { itemSearch } from './deals.ts';
import { fieldValueProblems } from './field-definitions.ts';
import { readNumber } from './import-cells.ts';
import {
  CHUNK,
  type Fail,
  fieldCells,
  find,
  type Known,
  orNull,
  type Plan,
  type Row,
  responsibleOf,
} from './import-rows.ts';
import { DEFAULT_CURRENCY, toMinor } from './money.ts';
import type { CrmEntity } from './pipelines.ts';

/**
 * The deals (or leads) of an import: each on its pipeline and stage of its kind (names; default the
 * first), a deal linked to its company and contact, a lead with its person as given; its fields read by
 * type and checked like any; inserted with their first visit, robots left alone, their creation sent to
 * the webhooks that take it.
 */
export const itemsPlan =
  (entity: CrmEntity) =>
  (rows: Row[], known: Known, me: string, now: number, fail: Fail): Plan => {
    const deals: Record<string, unknown>[] = [];
    const visits: Record<string, unknown>[] = [];
    const events: OutgoingEvent[] = [];
    for (const r of rows) {
      const made = itemOf(entity, r, known, me, now, fail);
      if (!made) continue;
      const { deal, stage, amount } = made;
      deals.push(deal);
      visits.push({ deal_id: deal.id, seq: 1, stage_id: deal.stage_id, entered_at: now, entered_by: me });
      events.push(
        itemEvent({
          entity,
          id: deal.id,
          title: deal.title,
          pipelineId: deal.pipeline_id,
          stage,
          amount,
          currency: deal.currency,
          responsibleId: deal.responsible_id,
          seq: 1,
          at: now,
          actor: me,
        }),
      );
    }
    return {
      created: rows.length,
      updated: 0,
      events,
      async write(trx) {
        for (let i = 0; i < deals.length; i += CHUNK) {
          await trx
            .insertInto('crm_deals')
            .values(deals.slice(i, i + CHUNK) as never)
            .execute();
          await trx
            .insertInto('crm_deal_stages')
            .values(visits.slice(i, i + CHUNK) as never)
            .execute();
        }
      },
    };
  };

/** A lead's title when the file gives none: its person and company, else how to reach them. */
const leadTitle = (r: Row) =>
  [r.get('name'), r.get('company')].filter((v) => v !== '').join(', ') || r.get('phone') || r.get('email');

/** The columns every imported deal's or lead's row has, as events read them. */
type ItemRow = Record<string, unknown> & {
  id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  currency: string;
  responsible_id: string;
};

/**
 * A deal's (or lead's) row for the table with its stage and amount, or undefined when the row has problems
 * (reported through `fail`).
 */
function itemOf(
  entity: CrmEntity,
  r: Row,
  known: Known,
  me: string,
  now: number,
  fail: Fail,
): { deal: ItemRow; stage: { id: string; name: string; kind: string }; amount: number | null } | undefined {
  const before = { count: 0 };
  const problem: Fail = (row, column, message) => {
    before.count++;
    fail(row, column, message);
  };
  const lead = entity === 'lead';
  const title = r.get('title') || (lead ? leadTitle(r) : '');
  if (title === '')
    problem(
      r.row,
      'title',
      lead ? 'a lead needs a title, a name, a company, a phone or an e-mail' : 'a value is needed',
    );
  const pipelines = known.pipelines.filter((p) => p.entity === entity);
  const pipelineName = r.get('pipeline');
  const pipeline =
    pipelineName === ''
      ? pipelines[0]
      : pipelines.find((p) => p.name.toLowerCase() === pipelineName.toLowerCase());
  if (!pipeline) {
    problem(
      r.row,
      'pipeline',
      pipelineName === ''
        ? `there is no ${entity} pipeline yet`
        : `there is no ${entity} pipeline ${pipelineName}`,
    );
    return undefined;
  }
  const stageName = r.get('stage');
  const stage =
    stageName === ''
      ? pipeline.stages[0]
      : pipeline.stages.find((s) => s.name.toLowerCase() === stageName.toLowerCase());
  if (!stage) problem(r.row, 'stage', `there is no stage ${stageName} in the pipeline ${pipeline.name}`);
  const amount = readNumber(r.get('amount'));
  if (Number.isNaN(amount)) problem(r.row, 'amount', `${r.get('amount')} is not a number`);
  const currency = r.get('currency').toUpperCase();
  if (currency !== '' && !/^[A-Z]{3}$/.test(currency))
    problem(r.row, 'currency', 'an ISO 4217 code such as RUB');
  const link = (column: 'company' | 'contact') => {
    // A lead's company is text as given, not a link.
    if (lead || r.get(column) === '') return null;
    const found = find(
      column === 'company' ? known.companies : known.contacts,
      r.get(column),
      column === 'company' ? 'companies' : 'contacts',
    );
    if ('problem' in found) problem(r.row, column, found.problem);
    return 'id' in found ? found.id : null;
  };
  const companyId = link('company');
  const contactId = link('contact');
  const responsible = responsibleOf(r, known, me, problem);
  const own = known.fields[lead ? 'leads' : 'deals'];
  const fields = fieldCells(r, own, problem);
  if (stage) for (const p of fieldValueProblems(own, stage, fields)) problem(r.row, p.key, p.message);
  if (before.count > 0 || !stage) return undefined;
  const person = lead
    ? {
        lead_name: orNull(r.get('name')),
        lead_company: orNull(r.get('company')),
        lead_phone: orNull(r.get('phone')),
        lead_email: orNull(r.get('email')),
        source: orNull(r.get('source')),
      }
    : {};
  const deal = {
    id: newRowId(),
    entity,
    title,
    ...person,
    pipeline_id: pipeline.id,
    stage_id: stage.id,
    amount_minor: amount === null ? null : toMinor(amount),
    currency: currency || DEFAULT_CURRENCY,
    contact_id: contactId,
    company_id: companyId,
    responsible_id: responsible,
    comment: orNull(r.get('comment')),
    fields: JSON.stringify(fields),
    search: itemSearch(title, person),
    version: 1,
    stage_changed_at: now,
    created_by: me,
    created_at: now,
    updated_at: now,
    closed_at: stage.kind === 'open' ? null : now,
  };
  return { deal, stage, amount };
}

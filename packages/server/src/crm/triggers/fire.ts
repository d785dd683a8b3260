import type { Kysely } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import type { CrmTriggersTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, Unprocessable } from '../../runtime/errors.ts';
import type { DealView } from '../deal-rows.ts';
import { readDeal, writableDeal, writeDeal } from '../deals.ts';
import type { CrmEntity } from '../pipelines.ts';
import { getTrigger, type TriggerEvent } from './triggers.ts';

/** The job an event sets off for the triggers of the item's pipeline. */
export const TRIGGER_JOB = 'crmTrigger';
export interface TriggerJob {
  dealId: string;
  event: TriggerEvent;
  /** activityCompleted: the activity's kind. */
  activityKind: string | null;
}

interface Place {
  id: string;
  sort: number;
  kind: string;
}
type Candidate = CrmTriggersTable & { sort: number };

/**
 * In the transaction where `event` happened to a deal or lead (`source` names the happening: a letter,
 * an activity, a quote's answer — one job per happening, whatever repeats): a job for its pipeline's
 * triggers, when any listens.
 */
export async function queueTriggers(
  rt: Runtime,
  trx: Kysely<Database>,
  happened: { dealId: string; event: TriggerEvent; activityKind?: string | null; source: string },
): Promise<void> {
  const listening = await listeners(trx, happened.dealId, happened.event, happened.activityKind ?? null)
    .select('t.id')
    .limit(1)
    .executeTakeFirst();
  if (!listening) return;
  const now = rt.now();
  const job: TriggerJob = {
    dealId: happened.dealId,
    event: happened.event,
    activityKind: happened.activityKind ?? null,
  };
  const key = `${TRIGGER_JOB}:${happened.event}:${happened.source}`;
  await enqueue(trx, [{ kind: TRIGGER_JOB, key, instanceId: null, payload: job, dueAt: now }], now);
  await announceJobs(rt.db, trx);
}

/** The active triggers of the deal's current pipeline that `event` (of `activityKind`) sets off. */
const listeners = (db: Kysely<Database>, dealId: string, event: TriggerEvent, activityKind: string | null) =>
  db
    .selectFrom('crm_triggers as t')
    .innerJoin('crm_deals as d', 'd.pipeline_id', 't.pipeline_id')
    .innerJoin('crm_stages as s', 's.id', 't.stage_id')
    .where('d.id', '=', dealId)
    .where('t.event', '=', event)
    .where('t.active', '=', 1)
    .where((eb) =>
      activityKind === null
        ? eb('t.activity_kind', 'is', null)
        : eb.or([eb('t.activity_kind', 'is', null), eb('t.activity_kind', '=', activityKind)]),
    );

/**
 * Whether a trigger may move an item at `at` to `target`: forward from an open stage — a trigger does
 * not undo a manager's progress nor reopen a won or lost deal — unless it allows going back.
 */
const mayMove = (t: { allow_backward: number }, target: { id: string; sort: number }, at: Place) =>
  target.id !== at.id && (t.allow_backward === 1 || (at.kind === 'open' && target.sort > at.sort));

/** Of the triggers that may move the item, the one going furthest. */
function choose(candidates: readonly Candidate[], at: Place): Candidate | undefined {
  return candidates
    .filter((c) => mayMove(c, { id: c.stage_id, sort: c.sort }, at))
    .sort((a, b) => b.sort - a.sort)[0];
}

async function placeOf(db: Kysely<Database>, deal: DealView): Promise<Place> {
  return db
    .selectFrom('crm_stages')
    .select(['id', 'sort', 'kind'])
    .where('id', '=', deal.stageId)
    .executeTakeFirstOrThrow();
}

/** Moves the deal to the trigger's stage as the trigger: its robots there act, its history says who. */
const moveBy = (rt: Runtime, trx: Kysely<Database>, trigger: CrmTriggersTable, deal: DealView) =>
  writeDeal(rt, trx, `trigger:${trigger.id}`, deal, { stageId: trigger.stage_id });

/**
 * What an event's job does: the deal moves to the stage of the furthest trigger that may move it.
 * Returns the trigger that moved it, if any. A stage whose required fields the deal lacks refuses
 * (Unprocessable), and nothing is written.
 */
export async function applyTriggers(
  rt: Runtime,
  trx: Kysely<Database>,
  job: TriggerJob,
): Promise<CrmTriggersTable | undefined> {
  const deal = await readDeal(trx, job.dealId);
  if (!deal) return undefined;
  const candidates = await listeners(trx, deal.id, job.event, job.activityKind)
    .selectAll('t')
    .select('s.sort')
    .execute();
  const chosen = choose(candidates, await placeOf(trx, deal));
  if (!chosen) return undefined;
  try {
    await moveBy(rt, trx, chosen, deal);
  } catch (error) {
    if (!(error instanceof Unprocessable)) throw error;
    const reasons = error.errors.map((e) => e.message).join('; ') || error.message;
    const why = `the trigger ${chosen.name} cannot move ${deal.entity} ${deal.title}: ${reasons}`;
    throw new Unprocessable(why, error.errors, error.code);
  }
  return chosen;
}

/**
 * An outside system fires a `webhook` trigger on a deal or lead the caller may change: it moves there
 * under the same rule as any trigger. Answers whether it moved and where the item is.
 */
export async function fireTrigger(
  rt: Runtime,
  caller: Caller,
  id: string,
  itemId: string,
): Promise<{ moved: boolean; stageId: string }> {
  return rt.db.kysely.transaction().execute(async (trx) => {
    const trigger = await getTrigger(trx, id);
    if (trigger.event !== 'webhook')
      throw new Conflict(
        `the trigger ${trigger.name} acts on ${trigger.event}; only a webhook trigger is fired through the API`,
        'NOT_A_WEBHOOK_TRIGGER',
      );
    if (trigger.active !== 1)
      throw new Conflict(`the trigger ${trigger.name} is switched off`, 'TRIGGER_OFF');
    const pipeline = await trx
      .selectFrom('crm_pipelines')
      .select(['entity', 'name'])
      .where('id', '=', trigger.pipeline_id)
      .executeTakeFirstOrThrow();
    const deal = await writableDeal(trx, caller, itemId, pipeline.entity as CrmEntity);
    if (deal.pipelineId !== trigger.pipeline_id) {
      const message = `the ${deal.entity} is not in the pipeline ${pipeline.name}, where the trigger is`;
      throw new Unprocessable(
        `body.itemId: ${message}`,
        [{ path: 'body.itemId', message }],
        'OTHER_PIPELINE',
      );
    }
    const target = await trx
      .selectFrom('crm_stages')
      .select(['id', 'sort'])
      .where('id', '=', trigger.stage_id)
      .executeTakeFirstOrThrow();
    if (!mayMove(trigger, target, await placeOf(trx, deal))) return { moved: false, stageId: deal.stageId };
    await moveBy(rt, trx, trigger, deal);
    return { moved: true, stageId: trigger.stage_id };
  });
}

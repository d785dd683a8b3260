import type { Kysely } from 'kysely';
import { demand } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmTriggersTable, Database } from '../../db/schema.ts';
import type { Runtime } from '../../runtime/context.ts';
import { NotFound } from '../../runtime/errors.ts';
import { toIso } from '../../util/time.ts';
import type { ActivityKind } from '../activities/activities.ts';
import { demandPipeline } from '../pipelines.ts';
import { badReference } from '../references.ts';

/**
 * What moves a deal or lead by itself: a client's letter came, an activity was done, the client
 * accepted or declined a quote, an outside system said so (`POST /crm/triggers/{id}/fire`).
 */
export const TRIGGER_EVENTS = [
  'emailReceived',
  'activityCompleted',
  'quoteAccepted',
  'quoteDeclined',
  'webhook',
] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export interface TriggerInput {
  stageId: string;
  name: string;
  event: TriggerEvent;
  activityKind?: ActivityKind | null | undefined;
  allowBackward?: boolean | undefined;
  active?: boolean | undefined;
}

export interface TriggerView {
  id: string;
  pipelineId: string;
  stageId: string;
  name: string;
  event: TriggerEvent;
  activityKind: ActivityKind | null;
  allowBackward: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const view = (t: CrmTriggersTable): TriggerView => ({
  id: t.id,
  pipelineId: t.pipeline_id,
  stageId: t.stage_id,
  name: t.name,
  event: t.event as TriggerEvent,
  activityKind: t.activity_kind as ActivityKind | null,
  allowBackward: t.allow_backward === 1,
  active: t.active === 1,
  createdAt: toIso(t.created_at),
  updatedAt: toIso(t.updated_at),
});

/** A pipeline's triggers, by stage order then when they were made. */
export async function listTriggers(db: Kysely<Database>, pipelineId: string): Promise<TriggerView[]> {
  await demandPipeline(db, pipelineId);
  const rows = await db
    .selectFrom('crm_triggers as t')
    .innerJoin('crm_stages as s', 's.id', 't.stage_id')
    .selectAll('t')
    .where('t.pipeline_id', '=', pipelineId)
    .orderBy('s.sort')
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
  return rows.map(view);
}

export async function getTrigger(db: Kysely<Database>, id: string): Promise<CrmTriggersTable> {
  const trigger = await db.selectFrom('crm_triggers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!trigger) throw new NotFound('trigger', id);
  return trigger;
}

async function checkStage(db: Kysely<Database>, pipelineId: string, stageId: string): Promise<void> {
  const stage = await db
    .selectFrom('crm_stages')
    .select('id')
    .where('id', '=', stageId)
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
  if (!stage) throw badReference('body.stageId', `there is no stage ${stageId} in this pipeline`);
}

const columns = (t: TriggerInput) => ({
  stage_id: t.stageId,
  name: t.name,
  event: t.event,
  activity_kind: t.event === 'activityCompleted' ? (t.activityKind ?? null) : null,
  allow_backward: t.allowBackward ? 1 : 0,
  active: t.active === false ? 0 : 1,
});

export async function createTrigger(
  rt: Runtime,
  caller: Caller,
  pipelineId: string,
  input: TriggerInput,
): Promise<TriggerView> {
  demand(caller, 'manageCrm', 'changing triggers');
  const db = rt.db.kysely;
  await checkStage(db, pipelineId, input.stageId);
  const now = rt.now();
  const row = {
    id: newRowId(),
    pipeline_id: pipelineId,
    ...columns(input),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('crm_triggers').values(row).execute();
  return view(row);
}

export async function updateTrigger(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: TriggerInput,
): Promise<TriggerView> {
  demand(caller, 'manageCrm', 'changing triggers');
  const db = rt.db.kysely;
  const trigger = await getTrigger(db, id);
  await checkStage(db, trigger.pipeline_id, input.stageId);
  const changed = { ...trigger, ...columns(input), updated_at: rt.now() };
  await db.updateTable('crm_triggers').set(changed).where('id', '=', id).execute();
  return view(changed);
}

export async function deleteTrigger(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing triggers');
  const gone = await rt.db.kysely.deleteFrom('crm_triggers').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new NotFound('trigger', id);
}

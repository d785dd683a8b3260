import { addDuration, parseDuration } from '@baton/engine';
import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { CrmRobotsTable, Database } from '../db/schema.ts';
import { findLatestPublished } from '../definitions/store.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { stepContext } from '../runtime/step-context.ts';
import { toIso } from '../util/time.ts';
import type { ActivityKind } from './activities/activities.ts';
import { demandPipeline } from './pipelines.ts';
import { badReference } from './references.ts';
import { robotMessage } from './robot-message.ts';

export const ROBOT_ACTIONS = ['notify', 'startProcess', 'activity', 'moveStage'] as const;
export type RobotAction = (typeof ROBOT_ACTIONS)[number];

export interface RobotInput {
  stageId: string;
  name: string;
  action: RobotAction;
  delay?: string | null | undefined;
  /** The delay and the activity's deadline count working time (the company's calendar). */
  inWorkingTime?: boolean | undefined;
  message?: string | null | undefined;
  notifyHead?: boolean | undefined;
  definitionKey?: string | null | undefined;
  activityKind?: ActivityKind | null | undefined;
  activityDue?: string | null | undefined;
  targetStageId?: string | null | undefined;
  active?: boolean | undefined;
}

export interface RobotView {
  id: string;
  pipelineId: string;
  stageId: string;
  name: string;
  action: RobotAction;
  delay: string | null;
  inWorkingTime: boolean;
  message: string | null;
  notifyHead: boolean;
  definitionKey: string | null;
  activityKind: ActivityKind | null;
  activityDue: string | null;
  targetStageId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The job a deal's entry into a stage sets off for each robot there. */
export const ROBOT_JOB = 'crmRobot';
export interface RobotJob {
  robotId: string;
  dealId: string;
  /** The deal's visit to the stage (crm_deal_stages.seq): a robot acts only if it is still the latest. */
  seq: number;
}

const view = (r: CrmRobotsTable): RobotView => ({
  id: r.id,
  pipelineId: r.pipeline_id,
  stageId: r.stage_id,
  name: r.name,
  action: r.action as RobotAction,
  delay: r.delay,
  message: r.message,
  notifyHead: r.notify_head === 1,
  definitionKey: r.definition_key,
  activityKind: r.activity_kind as ActivityKind | null,
  activityDue: r.activity_due,
  targetStageId: r.target_stage_id,
  inWorkingTime: r.working_time === 1,
  active: r.active === 1,
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
});

/** A pipeline's robots, by stage order then when they were made. */
export async function listRobots(db: Kysely<Database>, pipelineId: string): Promise<RobotView[]> {
  await demandPipeline(db, pipelineId);
  const rows = await db
    .selectFrom('crm_robots as r')
    .innerJoin('crm_stages as s', 's.id', 'r.stage_id')
    .selectAll('r')
    .where('r.pipeline_id', '=', pipelineId)
    .orderBy('s.sort')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute();
  return rows.map(view);
}

/**
 * What a robot needs for its action is there: a stage of the pipeline, a notice that parses, a published
 * template, another stage of the pipeline to move to.
 */
async function checkRobot(db: Kysely<Database>, pipelineId: string, r: RobotInput): Promise<void> {
  const stage = await db
    .selectFrom('crm_stages')
    .select('id')
    .where('id', '=', r.stageId)
    .where('pipeline_id', '=', pipelineId)
    .executeTakeFirst();
  if (!stage) throw badReference('body.stageId', `there is no stage ${r.stageId} in this pipeline`);
  if (r.action === 'notify' || r.action === 'activity') {
    if (!r.message?.trim())
      throw missing(
        'body.message',
        r.action === 'notify' ? 'a notice needs its text' : 'an activity needs its title',
      );
    robotMessage(r.message);
    if (r.action === 'activity' && !r.activityKind)
      throw missing('body.activityKind', 'say what the activity is: call, meeting, email or task');
  } else if (r.action === 'moveStage') {
    if (!r.targetStageId) throw missing('body.targetStageId', 'say which stage the deal moves to');
    if (r.targetStageId === r.stageId)
      throw missing('body.targetStageId', 'the deal is at this stage already: name another one');
    const target = await db
      .selectFrom('crm_stages')
      .select('id')
      .where('id', '=', r.targetStageId)
      .where('pipeline_id', '=', pipelineId)
      .executeTakeFirst();
    if (!target)
      throw badReference('body.targetStageId', `there is no stage ${r.targetStageId} in this pipeline`);
  } else {
    if (!r.definitionKey) throw missing('body.definitionKey', 'starting a process needs its template');
    if (!(await findLatestPublished(db, r.definitionKey)))
      throw badReference('body.definitionKey', `there is no published template ${r.definitionKey}`);
  }
}

const missing = (path: string, message: string) =>
  new Unprocessable(`${path}: ${message}`, [{ path, message }], 'INVALID_ROBOT');

const columns = (r: RobotInput) => ({
  stage_id: r.stageId,
  name: r.name,
  action: r.action,
  delay: r.delay ?? null,
  message: r.action === 'notify' || r.action === 'activity' ? (r.message ?? null) : null,
  notify_head: r.action === 'notify' && r.notifyHead ? 1 : 0,
  definition_key: r.action === 'startProcess' ? (r.definitionKey ?? null) : null,
  activity_kind: r.action === 'activity' ? (r.activityKind ?? null) : null,
  activity_due: r.action === 'activity' ? (r.activityDue ?? null) : null,
  target_stage_id: r.action === 'moveStage' ? (r.targetStageId ?? null) : null,
  working_time: r.inWorkingTime ? 1 : 0,
  active: r.active === false ? 0 : 1,
});

export async function createRobot(
  rt: Runtime,
  caller: Caller,
  pipelineId: string,
  input: RobotInput,
): Promise<RobotView> {
  demand(caller, 'manageCrm', 'changing robots');
  const db = rt.db.kysely;
  await checkRobot(db, pipelineId, input);
  const now = rt.now();
  const row = {
    id: newRowId(),
    pipeline_id: pipelineId,
    ...columns(input),
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('crm_robots').values(row).execute();
  return view(row);
}

/** Replaces a robot's settings (deals already waiting on it get the new ones when it acts). */
export async function updateRobot(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: RobotInput,
): Promise<RobotView> {
  demand(caller, 'manageCrm', 'changing robots');
  const db = rt.db.kysely;
  const robot = await db.selectFrom('crm_robots').selectAll().where('id', '=', id).executeTakeFirst();
  if (!robot) throw new NotFound('robot', id);
  await checkRobot(db, robot.pipeline_id, input);
  const changed = { ...robot, ...columns(input), updated_at: rt.now() };
  await db.updateTable('crm_robots').set(changed).where('id', '=', id).execute();
  return view(changed);
}

export async function deleteRobot(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing robots');
  const gone = await rt.db.kysely.deleteFrom('crm_robots').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new NotFound('robot', id);
}

/**
 * A deal entered a stage (its visit `seq`): each active robot there gets a job, due at once or after
 * its delay — in the same transaction, so an entry and what it sets off commit together.
 */
export async function scheduleRobots(
  rt: Runtime,
  trx: Kysely<Database>,
  visit: { dealId: string; stageId: string; seq: number },
  now: number,
): Promise<void> {
  const robots = await trx
    .selectFrom('crm_robots')
    .select(['id', 'delay', 'working_time'])
    .where('stage_id', '=', visit.stageId)
    .where('active', '=', 1)
    .execute();
  if (robots.length === 0) return;
  const after = await laterBy(rt, trx, now);
  await enqueue(
    trx,
    robots.map((r) => ({
      kind: ROBOT_JOB,
      key: `${ROBOT_JOB}:${visit.dealId}:${visit.seq}:${r.id}`,
      instanceId: null,
      payload: { robotId: r.id, dealId: visit.dealId, seq: visit.seq } satisfies RobotJob,
      dueAt: after(r.delay, r.working_time === 1),
    })),
    now,
  );
  await announceJobs(rt.db, trx);
}

/**
 * When something set `duration` (ISO 8601, or null: at once) after `now` falls: on the clock, or in the
 * company's working time (its calendar as `db` sees it: "a day" from Friday evening is Monday evening).
 */
export async function laterBy(rt: Runtime, db: Kysely<Database>, now: number) {
  const calendar = (await stepContext(rt, db, now)).calendar ?? rt.calendar;
  return (duration: string | null, workingTime: boolean): number => {
    if (duration === null) return now;
    const parsed = parseDuration(duration);
    return workingTime ? calendar.addWorkingTime(now, parsed) : addDuration(now, parsed);
  };
}

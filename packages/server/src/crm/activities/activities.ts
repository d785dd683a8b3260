import { type Kysely, type SqlBool, sql } from 'kysely';
import type { Caller } from '../../access/caller.ts';
import type { Db } from '../../db/database.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../../db/page.ts';
import { newRowId } from '../../db/row-ids.ts';
import type { CrmActivitiesTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Conflict, NotFound } from '../../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../../util/time.ts';
import { readDeal, writableDeal } from '../deals.ts';
import type { CrmEntity } from '../pipelines.ts';
import { badReference, checkResponsible } from '../references.ts';
import { queueTriggers } from '../triggers/fire.ts';
import { type LedBy, ledByCaller } from '../visibility.ts';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'task'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityInput {
  dealId: string;
  kind: ActivityKind;
  title: string;
  dueAt: string;
  responsibleId?: string | undefined;
  comment?: string | null | undefined;
}
export type ActivityPatch = Partial<Omit<ActivityInput, 'dealId'>>;

export interface ActivityView {
  id: string;
  dealId: string;
  dealTitle: string;
  entity: CrmEntity;
  kind: ActivityKind;
  title: string;
  dueAt: string;
  overdue: boolean;
  responsibleId: string;
  responsibleName: string | null;
  comment: string | null;
  result: string | null;
  doneAt: string | null;
  doneBy: string | null;
  robotId: string | null;
  /** The incoming letter it asks to answer. */
  emailId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface ActivityFilter {
  dealId?: string | undefined;
  responsibleId?: string | undefined;
  status?: 'open' | 'done' | undefined;
  overdue?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * Activities with their deal's title: those of a deal the caller sees, and those they do themselves
 * (an assistant calls for a manager without seeing the manager's other deals).
 */
function activityRows(db: Kysely<Database>, caller: Caller, ledBy: LedBy | null) {
  let q = db
    .selectFrom('crm_activities as a')
    .innerJoin('crm_deals as d', 'd.id', 'a.deal_id')
    .leftJoin('users as u', 'u.id', 'a.responsible_id')
    .selectAll('a')
    .select(['d.title as deal_title', 'd.entity', 'u.name as responsible_name']);
  if (ledBy) q = q.where((eb) => eb.or([ledBy('deals', 'd'), eb('a.responsible_id', '=', caller.userId)]));
  return q;
}
type Row = CrmActivitiesTable & { deal_title: string; entity: string; responsible_name: string | null };

const view = (a: Row, now: number): ActivityView => ({
  id: a.id,
  dealId: a.deal_id,
  dealTitle: a.deal_title,
  entity: a.entity as CrmEntity,
  kind: a.kind as ActivityKind,
  title: a.title,
  dueAt: toIso(a.due_at),
  overdue: a.done_at === null && a.due_at < now,
  responsibleId: a.responsible_id,
  responsibleName: a.responsible_name,
  comment: a.comment,
  result: a.result,
  doneAt: toIsoOrNull(a.done_at),
  doneBy: a.done_by,
  robotId: a.robot_id,
  emailId: a.email_id,
  createdBy: a.created_by,
  createdAt: toIso(a.created_at),
});

/** Open ones by deadline, soonest first; done ones most recent first. */
export async function listActivities(
  rt: Runtime,
  caller: Caller,
  f: ActivityFilter,
): Promise<Page<ActivityView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  const now = rt.now();
  let q = activityRows(db, caller, await ledByCaller(db, caller));
  if (f.dealId !== undefined) q = q.where('a.deal_id', '=', f.dealId);
  if (f.responsibleId !== undefined) q = q.where('a.responsible_id', '=', f.responsibleId);
  const done = f.status === 'done';
  if (f.status !== undefined) q = q.where('a.done_at', done ? 'is not' : 'is', null);
  if (f.overdue) q = q.where('a.done_at', 'is', null).where('a.due_at', '<', now);
  const order = done ? 'a.done_at' : 'a.due_at';
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = done
      ? q.where(sql<SqlBool>`(a.done_at < ${at} or (a.done_at = ${at} and a.id > ${id}))`)
      : q.where(sql<SqlBool>`(a.due_at > ${at} or (a.due_at = ${at} and a.id > ${id}))`);
  }
  const rows = await q
    .orderBy(order, done ? 'desc' : 'asc')
    .orderBy('a.id')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    (r) => view(r, now),
    (r) => [Number(done ? r.done_at : r.due_at), r.id],
  );
}

async function readActivity(db: Kysely<Database>, caller: Caller, id: string, ledBy: LedBy | null) {
  return activityRows(db, caller, ledBy).where('a.id', '=', id).executeTakeFirst();
}

export async function getActivity(rt: Runtime, caller: Caller, id: string): Promise<ActivityView> {
  const db = rt.db.kysely;
  const row = await readActivity(db, caller, id, await ledByCaller(db, caller));
  if (!row) throw new NotFound('activity', id);
  return view(row, rt.now());
}

/**
 * An activity the caller may change: one of a deal they may change, or one they do themselves
 * (403 READ_ONLY for one they only see, 404 for the rest).
 */
async function changeable(db: Kysely<Database>, caller: Caller, id: string): Promise<Row> {
  const row = await readActivity(db, caller, id, await ledByCaller(db, caller));
  if (!row) throw new NotFound('activity', id);
  if (row.responsible_id !== caller.userId) await writableDeal(db, caller, row.deal_id);
  return row;
}

/** Plans an activity on a deal or lead the caller may change; whoever does it defaults to the deal's manager. */
export async function createActivity(
  rt: Runtime,
  caller: Caller,
  input: ActivityInput,
): Promise<ActivityView> {
  const id = await rt.db.kysely.transaction().execute(async (trx) => {
    if (!(await readDeal(trx, input.dealId, await ledByCaller(trx, caller))))
      throw badReference('body.dealId', `there is no deal or lead ${input.dealId}`);
    const deal = await writableDeal(trx, caller, input.dealId);
    if (input.responsibleId !== undefined)
      await checkResponsible(trx, input.responsibleId, 'body.responsibleId');
    return insertActivity(rt.db, trx, {
      dealId: deal.id,
      kind: input.kind,
      title: input.title,
      dueAt: Date.parse(input.dueAt),
      responsibleId: input.responsibleId ?? deal.responsibleId,
      comment: input.comment ?? null,
      robotId: null,
      createdBy: caller.userId,
      now: rt.now(),
    });
  });
  return getActivity(rt, caller, id);
}

export interface NewActivity {
  dealId: string;
  kind: ActivityKind;
  title: string;
  dueAt: number;
  responsibleId: string;
  comment: string | null;
  robotId: string | null;
  emailId?: string | null;
  createdBy: string;
  now: number;
}

/** Inserts an activity in `trx` with the job that tells of it if its deadline passes undone; returns its id. */
export async function insertActivity(db: Db, trx: Kysely<Database>, a: NewActivity): Promise<string> {
  const id = newRowId();
  await trx
    .insertInto('crm_activities')
    .values({
      id,
      deal_id: a.dealId,
      kind: a.kind,
      title: a.title,
      due_at: a.dueAt,
      responsible_id: a.responsibleId,
      comment: a.comment,
      result: null,
      done_at: null,
      done_by: null,
      robot_id: a.robotId,
      email_id: a.emailId ?? null,
      created_by: a.createdBy,
      created_at: a.now,
      updated_at: a.now,
    })
    .execute();
  await scheduleDeadline(db, trx, id, a.dueAt, a.now);
  return id;
}

/** The job that tells of an activity whose deadline passed undone (it checks the deadline is still this one). */
export const ACTIVITY_DUE_JOB = 'crmActivityDue';
export interface ActivityDueJob {
  activityId: string;
  dueAt: number;
}

async function scheduleDeadline(db: Db, trx: Kysely<Database>, id: string, dueAt: number, now: number) {
  const job: ActivityDueJob = { activityId: id, dueAt };
  await enqueue(
    trx,
    [
      {
        kind: ACTIVITY_DUE_JOB,
        key: `${ACTIVITY_DUE_JOB}:${id}:${dueAt}`,
        instanceId: null,
        payload: job,
        dueAt,
      },
    ],
    now,
  );
  await announceJobs(db, trx);
}

const demandOpen = (a: Row) => {
  if (a.done_at !== null) throw new Conflict(`the activity ${a.title} is done`, 'ACTIVITY_DONE');
};

export async function updateActivity(
  rt: Runtime,
  caller: Caller,
  id: string,
  patch: ActivityPatch,
): Promise<ActivityView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const a = await changeable(trx, caller, id);
    demandOpen(a);
    if (patch.responsibleId !== undefined)
      await checkResponsible(trx, patch.responsibleId, 'body.responsibleId');
    const dueAt = patch.dueAt === undefined ? a.due_at : Date.parse(patch.dueAt);
    await trx
      .updateTable('crm_activities')
      .set({
        ...(patch.kind !== undefined && { kind: patch.kind }),
        ...(patch.title !== undefined && { title: patch.title }),
        ...(patch.responsibleId !== undefined && { responsible_id: patch.responsibleId }),
        ...(patch.comment !== undefined && { comment: patch.comment }),
        due_at: dueAt,
        updated_at: rt.now(),
      })
      .where('id', '=', id)
      .execute();
    if (dueAt !== Number(a.due_at)) await scheduleDeadline(rt.db, trx, id, dueAt, rt.now());
  });
  return getActivity(rt, caller, id);
}

/** Done, with what came of it. */
export async function completeActivity(
  rt: Runtime,
  caller: Caller,
  id: string,
  result: string | null,
): Promise<ActivityView> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    const activity = await changeable(trx, caller, id);
    demandOpen(activity);
    await trx
      .updateTable('crm_activities')
      .set({ done_at: rt.now(), done_by: caller.userId, result, updated_at: rt.now() })
      .where('id', '=', id)
      .execute();
    await queueTriggers(rt, trx, {
      dealId: activity.deal_id,
      event: 'activityCompleted',
      activityKind: activity.kind,
      source: id,
    });
  });
  return getActivity(rt, caller, id);
}

export async function deleteActivity(rt: Runtime, caller: Caller, id: string): Promise<void> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    await changeable(trx, caller, id);
    await trx.deleteFrom('crm_activities').where('id', '=', id).execute();
  });
}

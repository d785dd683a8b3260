import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { can } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { readCalendarSettings } from '../calendar/store.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { AbsencesTable, Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import { headsOf } from '../org/service.ts';
import { lockOrganisation } from '../org/store.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';

export const ABSENCE_KINDS = ['vacation', 'sickLeave', 'businessTrip', 'timeOff', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/** The job that moves open tasks when an absence starts (absences/started-job.ts). */
export const ABSENCE_STARTED_JOB = 'absenceStarted';

export interface NewAbsence {
  userId: string;
  /** `YYYY-MM-DD` (from the start of that local day) or an ISO 8601 instant. */
  from: string;
  /** `YYYY-MM-DD` (to the end of that local day, inclusive) or an ISO 8601 instant (exclusive). */
  to: string;
  kind: AbsenceKind;
  deputyId?: string | null | undefined;
  comment?: string | null | undefined;
}

export interface AbsenceView {
  id: string;
  userId: string;
  kind: string;
  from: string;
  to: string;
  /** The instants the absence covers: `startsAt` inclusive, `endsAt` exclusive. */
  startsAt: string;
  endsAt: string;
  deputyId: string | null;
  comment: string | null;
  createdBy: string;
  createdAt: string;
}

export interface AbsenceFilter {
  userId?: string | undefined;
  deputyId?: string | undefined;
  kind?: string | undefined;
  /** Absences overlapping [from, to): `YYYY-MM-DD` or ISO 8601. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/**
 * An instant from a date (the company's local midnight, by the calendar's UTC offset) or an ISO
 * instant; `end` turns a date into the midnight after it, so `to: "2026-07-10"` covers the 10th.
 */
function instant(text: string, offsetMinutes: number, end: boolean): number | null {
  if (DATE.test(text)) {
    const ms = Date.parse(`${text}T00:00:00Z`);
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text) return null;
    return ms - offsetMinutes * 60_000 + (end ? DAY_MS : 0);
  }
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : ms;
}

/** May `caller` set or remove absences of `userId`: themself, anyone above them, administrators. */
async function mayManage(db: Kysely<Database>, caller: Caller, userId: string): Promise<boolean> {
  if (caller.userId === userId || can(caller, 'manageOrganisation')) return true;
  return (await headsOf(db, userId)).includes(caller.userId);
}

async function demandManage(db: Kysely<Database>, caller: Caller, userId: string): Promise<void> {
  if (!(await mayManage(db, caller, userId)))
    throw new Forbidden(
      `only ${userId} themself, their heads and administrators may change their absences`,
      'FORBIDDEN',
    );
}

/**
 * Records an absence. In the same transaction: `org_version` is bumped (every process reassigns by the
 * new absence from its next step on) and a job is scheduled at the absence's start to move the tasks
 * the user holds open then (templates with `options.onAbsence: "wait"` keep theirs).
 */
export async function createAbsence(rt: Runtime, caller: Caller, input: NewAbsence): Promise<AbsenceView> {
  const db = rt.db.kysely;
  const { woke, id } = await db.transaction().execute(async (trx) => {
    await lockOrganisation(trx);
    const row = await checkedRow(trx, input, caller.userId, rt.now());
    await demandManage(trx, caller, input.userId);
    const overlap = await trx
      .selectFrom('absences')
      .select(['id', 'from_text', 'to_text'])
      .where('user_id', '=', row.user_id)
      .where('from_at', '<', row.to_at)
      .where('to_at', '>', row.from_at)
      .executeTakeFirst();
    if (overlap)
      throw new Conflict(
        `${row.user_id} is already away from ${overlap.from_text} to ${overlap.to_text} (absence ${overlap.id})`,
        'ABSENCE_OVERLAPS',
      );
    await trx.insertInto('absences').values(row).execute();
    const dueAt = Math.max(row.from_at, row.created_at);
    await enqueue(
      trx,
      [
        {
          kind: ABSENCE_STARTED_JOB,
          key: startJobKey(row.id),
          instanceId: null,
          payload: { absenceId: row.id },
          dueAt,
        },
      ],
      row.created_at,
    );
    await announceJobs(rt.db, trx);
    return { woke: dueAt <= row.created_at, id: row.id };
  });
  if (woke) rt.wake();
  return getAbsence(db, id);
}

/** Removes an absence; one that has not started yet withdraws its job (tasks already moved stay moved). */
export async function deleteAbsence(rt: Runtime, caller: Caller, id: string): Promise<void> {
  await rt.db.kysely.transaction().execute(async (trx) => {
    await lockOrganisation(trx);
    const row = await trx.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFound('absence', id);
    await demandManage(trx, caller, row.user_id);
    await trx.deleteFrom('absences').where('id', '=', id).execute();
    await trx
      .updateTable('jobs')
      .set({ status: 'cancelled', updated_at: rt.now() })
      .where('key', '=', startJobKey(id))
      .where('status', '=', 'pending')
      .execute();
  });
}

export async function getAbsence(db: Kysely<Database>, id: string): Promise<AbsenceView> {
  const row = await db.selectFrom('absences').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('absence', id);
  return viewOf(row);
}

/** Latest start first (keyset-paginated); `from`/`to` keep those overlapping that period. */
export async function listAbsences(rt: Runtime, f: AbsenceFilter): Promise<Page<AbsenceView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  const { utcOffsetMinutes } = await readCalendarSettings(db);
  const errors: FieldError[] = [];
  const bound = (text: string | undefined, name: 'from' | 'to') => {
    if (text === undefined) return undefined;
    const ms = instant(text, utcOffsetMinutes, name === 'to');
    if (ms === null)
      errors.push({ path: `querystring.${name}`, message: 'YYYY-MM-DD or an ISO 8601 instant' });
    return ms ?? undefined;
  };
  const from = bound(f.from, 'from');
  const to = bound(f.to, 'to');
  if (errors.length > 0)
    throw new Unprocessable(errors.map((e) => e.message).join('; '), errors, 'VALIDATION');
  let q = db.selectFrom('absences').selectAll();
  if (f.userId !== undefined) q = q.where('user_id', '=', f.userId);
  if (f.deputyId !== undefined) q = q.where('deputy_id', '=', f.deputyId);
  if (f.kind !== undefined) q = q.where('kind', '=', f.kind);
  if (from !== undefined) q = q.where('to_at', '>', from);
  if (to !== undefined) q = q.where('from_at', '<', to);
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) => eb.or([eb('from_at', '<', at), eb.and([eb('from_at', '=', at), eb('id', '<', id)])]));
  }
  const rows = await q
    .orderBy('from_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, viewOf, (r) => [Number(r.from_at), r.id]);
}

const startJobKey = (absenceId: string) => `absence:${absenceId}:started`;

/** The row to insert, or a 422 naming every problem (`body.userId`, `body.to`, …). */
async function checkedRow(
  trx: Kysely<Database>,
  input: NewAbsence,
  by: string,
  now: number,
): Promise<AbsencesTable> {
  const { utcOffsetMinutes } = await readCalendarSettings(trx);
  const errors: FieldError[] = [];
  const fromAt = instant(input.from, utcOffsetMinutes, false);
  const toAt = instant(input.to, utcOffsetMinutes, true);
  if (fromAt === null)
    errors.push({ path: 'body.from', message: 'YYYY-MM-DD or an ISO 8601 instant with an offset' });
  if (toAt === null)
    errors.push({ path: 'body.to', message: 'YYYY-MM-DD or an ISO 8601 instant with an offset' });
  if (fromAt !== null && toAt !== null && toAt <= fromAt)
    errors.push({ path: 'body.to', message: 'must not be before from' });
  const deputyId = input.deputyId ?? null;
  const ids = [input.userId, ...(deputyId === null ? [] : [deputyId])];
  const users = await trx.selectFrom('users').select(['id', 'active']).where('id', 'in', ids).execute();
  const user = users.find((u) => u.id === input.userId);
  if (!user) errors.push({ path: 'body.userId', message: `no user ${input.userId}` });
  if (deputyId !== null) {
    const deputy = users.find((u) => u.id === deputyId);
    if (deputyId === input.userId)
      errors.push({ path: 'body.deputyId', message: 'a user cannot deputise for themself' });
    else if (!deputy) errors.push({ path: 'body.deputyId', message: `no user ${deputyId}` });
    else if (deputy.active !== 1)
      errors.push({ path: 'body.deputyId', message: `user ${deputyId} is not active` });
  }
  if (errors.length > 0)
    throw new Unprocessable(
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
      'INVALID_ABSENCE',
    );
  return {
    id: randomUUID(),
    user_id: input.userId,
    kind: input.kind,
    from_text: input.from,
    to_text: input.to,
    from_at: fromAt as number,
    to_at: toAt as number,
    deputy_id: deputyId,
    comment: input.comment ?? null,
    created_by: by,
    created_at: now,
  };
}

function viewOf(row: AbsencesTable): AbsenceView {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    from: row.from_text,
    to: row.to_text,
    startsAt: toIso(Number(row.from_at)),
    endsAt: toIso(Number(row.to_at)),
    deputyId: row.deputy_id,
    comment: row.comment,
    createdBy: row.created_by,
    createdAt: toIso(Number(row.created_at)),
  };
}

import type { Caller } from '../access/caller.ts';
import { templateAccess } from '../access/definition-rights.ts';
import type { InstancesTable } from '../db/schema.ts';
import { latestCompiled } from '../definitions/compiled-cache.ts';
import type { Runtime } from '../runtime/context.ts';
import { Forbidden, NotFound, Unprocessable } from '../runtime/errors.ts';
import { stepContext } from '../runtime/step-context.ts';
import { toIso } from '../util/time.ts';
import {
  calendarTime,
  type DepartmentStats,
  departmentStats,
  type Measure,
  type PersonStats,
  personStats,
  type ReportTask,
  type Spread,
  type StepStats,
  spreadOf,
  stepStats,
} from './aggregate.ts';

/** More tasks than this in one report is a range to narrow: it would hold the server for seconds. */
export const MAX_REPORT_TASKS = 200_000;
/** The range a report covers unless told: the last 90 days. */
export const DEFAULT_RANGE_MS = 90 * 24 * 3_600_000;

export interface ReportRange {
  /** Instances started at or after (epoch ms). */
  from: number;
  /** Instances started before (epoch ms). */
  to: number;
}

/** How durations are measured: on the clock, or in the company's working hours. */
export type ReportTime = 'calendar' | 'working';

export interface ProcessReport {
  definitionKey: string;
  from: string;
  to: string;
  time: ReportTime;
  instances: Record<InstancesTable['status'], number> & { started: number; duration: Spread };
  steps: StepStats[];
  departments: DepartmentStats[];
  people: PersonStats[];
}

/** The range asked for, the last 90 days by default; `from` must come before `to`. */
export function reportRange(from: string | undefined, to: string | undefined, now: number): ReportRange {
  const end = to === undefined ? now : Date.parse(to);
  const start = from === undefined ? end - DEFAULT_RANGE_MS : Date.parse(from);
  if (start >= end)
    throw new Unprocessable('from must come before to', [
      { path: 'querystring.from', message: 'must come before to' },
    ]);
  return { from: start, to: end };
}

/**
 * Where a template's runs lose time: for its instances started in the range, each people step's
 * answered tasks (how long from given to answered: total, median, 90th percentile, longest), what is
 * open and overdue, the time per department of whoever answered, and the runs' own durations. For those
 * who see every instance of the template (its `view` right, or seeing all work).
 */
export async function processReport(
  rt: Runtime,
  caller: Caller,
  key: string,
  range: ReportRange,
  time: ReportTime,
): Promise<ProcessReport> {
  await demandView(rt, caller, key);
  const [instances, tasks, names, measure] = await Promise.all([
    instancesOf(rt, key, range),
    reportTasks(rt, key, range),
    stepNames(rt, key),
    time === 'working' ? workingTime(rt) : calendarTime,
  ]);
  const now = rt.now();
  const count = (status: InstancesTable['status']) => instances.filter((i) => i.status === status).length;
  return {
    definitionKey: key,
    from: toIso(range.from),
    to: toIso(range.to),
    time,
    instances: {
      started: instances.length,
      running: count('running'),
      completed: count('completed'),
      failed: count('failed'),
      terminated: count('terminated'),
      duration: spreadOf(
        instances.flatMap((i) =>
          i.status === 'completed' && i.ended_at !== null ? measure(i.started_at, i.ended_at) : [],
        ),
      ),
    },
    steps: stepStats(tasks, names, now, measure),
    departments: departmentStats(tasks, measure),
    people: personStats(tasks, measure),
  };
}

/** The company's working hours as they are now (the calendar every step uses). */
export async function workingTime(rt: Runtime): Promise<Measure> {
  const { calendar } = await stepContext(rt, rt.db.kysely);
  if (!calendar) throw new Error('the step context has no working calendar');
  return (from, to) => calendar.workingTimeBetween(from, to);
}

/** The template's instances in the range are the caller's to see: its `view` right, or all work. */
export async function demandView(rt: Runtime, caller: Caller, key: string): Promise<void> {
  const [access, stored] = await Promise.all([
    templateAccess(rt.db.kysely, caller, key),
    // Any version, deleted ones too: a deleted template's runs are still reported on.
    rt.db.kysely.selectFrom('definitions').select('key').where('key', '=', key).limit(1).executeTakeFirst(),
  ]);
  if (!stored || !access.see) throw new NotFound('definition', key);
  if (!access.view) throw new Forbidden(`a report on ${key} needs its view right`);
}

function instancesOf(rt: Runtime, key: string, range: ReportRange) {
  return rt.db.kysely
    .selectFrom('instances')
    .select(['status', 'started_at', 'ended_at'])
    .where('definition_key', '=', key)
    .where('started_at', '>=', range.from)
    .where('started_at', '<', range.to)
    .execute();
}

/**
 * The tasks of the template's instances started in the range (oldest first when `ordered`: a sort the
 * sums do not need), each with the department of whoever answered it; too many is a 422.
 */
export async function reportTasks(
  rt: Runtime,
  key: string,
  range: ReportRange,
  ordered = false,
): Promise<ReportTask[]> {
  let query = rt.db.kysely
    .selectFrom('instances as i')
    .innerJoin('tasks as t', 't.instance_id', 'i.id')
    .select([
      't.id',
      't.instance_id',
      't.node_id',
      't.title',
      't.status',
      't.created_at',
      't.completed_at',
      't.due_at',
      't.completed_by',
      't.assignees',
    ])
    .where('i.definition_key', '=', key)
    .where('i.started_at', '>=', range.from)
    .where('i.started_at', '<', range.to)
    .limit(MAX_REPORT_TASKS + 1);
  if (ordered) query = query.orderBy('t.created_at').orderBy('t.id');
  const [rows, departments] = await Promise.all([query.execute(), departmentsOfUsers(rt)]);
  if (rows.length > MAX_REPORT_TASKS)
    throw new Unprocessable(
      `more than ${MAX_REPORT_TASKS} tasks in the range: narrow it`,
      [{ path: 'querystring.from', message: `the range holds more than ${MAX_REPORT_TASKS} tasks` }],
      'REPORT_TOO_LARGE',
    );
  return rows.map((r) => {
    const department = r.completed_by === null ? undefined : departments.get(r.completed_by);
    return {
      id: r.id,
      instanceId: r.instance_id,
      nodeId: r.node_id,
      title: r.title,
      status: r.status,
      createdAt: r.created_at,
      completedAt: r.completed_at,
      dueAt: r.due_at,
      completedBy: r.completed_by,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      // Parsed where the report names them: parsing every answered task's list cost more than the rest.
      assignees: r.status === 'open' ? (JSON.parse(r.assignees) as string[]) : [],
    };
  });
}

/** Each user's department now (a company's few hundred rows; a join per task cost more). */
async function departmentsOfUsers(rt: Runtime): Promise<Map<string, { id: string; name: string }>> {
  const rows = await rt.db.kysely
    .selectFrom('users as u')
    .innerJoin('departments as d', 'd.id', 'u.department_id')
    .select(['u.id as userId', 'd.id', 'd.name'])
    .execute();
  return new Map(rows.map((r) => [r.userId, { id: r.id, name: r.name }]));
}

/** Step names from the template's latest published version; a deleted template's tasks keep their titles. */
export async function stepNames(rt: Runtime, key: string): Promise<(nodeId: string) => string | undefined> {
  try {
    const { compiled } = await latestCompiled(rt.db.kysely, key);
    return (nodeId) => compiled.nodes.get(nodeId)?.node.name ?? undefined;
  } catch (error) {
    if (error instanceof NotFound) return () => undefined;
    throw error;
  }
}

import { toIso, toIsoOrNull } from '../util/time.ts';

/** A task of the report's instances, as the report reads it. */
export interface ReportTask {
  id: string;
  instanceId: string;
  nodeId: string;
  title: string;
  status: 'open' | 'completed' | 'cancelled';
  createdAt: number;
  completedAt: number | null;
  dueAt: number | null;
  completedBy: string | null;
  departmentId: string | null;
  departmentName: string | null;
  /** Who holds it (read for open tasks only; empty for the others). */
  assignees: string[];
}

/** An open task of a step, among those waiting longest. */
export interface Waiting {
  taskId: string;
  instanceId: string;
  assignees: string[];
  /** Given at (ISO 8601). */
  since: string;
  dueAt: string | null;
}

/** How many of a step's open tasks the report names: the ones waiting longest. */
export const WAITING_SHOWN = 5;

/** How long from one instant to another: calendar time (`to - from`) or a working calendar's hours. */
export type Measure = (from: number, to: number) => number;

export const calendarTime: Measure = (from, to) => to - from;

/** Durations in milliseconds: how many, their sum, median, 90th percentile and longest. */
export interface Spread {
  count: number;
  totalMs: number;
  medianMs: number | null;
  p90Ms: number | null;
  maxMs: number | null;
}

/** One people step of the template: its tasks and how long the answered ones took. */
export interface StepStats extends Spread {
  nodeId: string;
  title: string;
  tasks: number;
  open: number;
  cancelled: number;
  /** Answered after their deadline, or open past it. */
  overdue: number;
  /** The age of the oldest open task: where a run is stuck now. */
  oldestOpenMs: number | null;
  /** The open tasks waiting longest, oldest first (at most WAITING_SHOWN). */
  waiting: Waiting[];
  /** This step's part of the time all answered tasks took (0–1). */
  share: number;
}

/** The tasks one person answered, and how many of them late. */
export interface PersonStats extends Spread {
  userId: string;
  departmentId: string | null;
  overdue: number;
  share: number;
}

/** The answered tasks of the people of one department (null: people in none). */
export interface DepartmentStats extends Spread {
  departmentId: string | null;
  name: string | null;
  people: number;
  share: number;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] as number;
}

export function spreadOf(durations: number[]): Spread {
  const sorted = durations.sort((a, b) => a - b);
  return {
    count: sorted.length,
    totalMs: sorted.reduce((sum, d) => sum + d, 0),
    medianMs: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    maxMs: sorted.at(-1) ?? null,
  };
}

/** How long an answered task took from given to answered; null for one not answered. */
export const answeredIn = (t: ReportTask, measure: Measure): number | null =>
  t.status === 'completed' && t.completedAt !== null ? measure(t.createdAt, t.completedAt) : null;

/** Answered after its deadline, or open past it (a cancelled task was never late: nobody had to answer). */
export const isOverdue = (t: ReportTask, now: number): boolean => {
  if (t.dueAt === null || t.status === 'cancelled') return false;
  return (t.status === 'open' ? now : (t.completedAt ?? 0)) > t.dueAt;
};

/** Per step, the one that took longest in all first: where the process loses time. */
export function stepStats(
  tasks: readonly ReportTask[],
  names: (nodeId: string) => string | undefined,
  now: number,
  measure: Measure,
) {
  const steps = [...groupBy(tasks, (t) => t.nodeId)].map(([nodeId, list]): StepStats => {
    const open = list.filter((t) => t.status === 'open');
    return {
      nodeId,
      title: names(nodeId) ?? (list.at(-1) as ReportTask).title,
      tasks: list.length,
      open: open.length,
      cancelled: list.filter((t) => t.status === 'cancelled').length,
      overdue: list.filter((t) => isOverdue(t, now)).length,
      oldestOpenMs:
        open.length === 0
          ? null
          : measure(
              open.reduce((min, t) => Math.min(min, t.createdAt), now),
              now,
            ),
      waiting: longestWaiting(open),
      ...spreadOf(list.flatMap((t) => answeredIn(t, measure) ?? [])),
      share: 0,
    };
  });
  return withShares(steps);
}

/** Per person who answered, the one who took longest in all first; with how many they answered late. */
export function personStats(tasks: readonly ReportTask[], measure: Measure): PersonStats[] {
  const people = [...groupBy(answeredOnly(tasks), (t) => t.completedBy as string)].map(
    ([userId, list]): PersonStats => ({
      userId,
      departmentId: list[0]?.departmentId ?? null,
      overdue: list.filter((t) => t.dueAt !== null && (t.completedAt as number) > t.dueAt).length,
      ...spreadOf(list.flatMap((t) => answeredIn(t, measure) ?? [])),
      share: 0,
    }),
  );
  return withShares(people);
}

/** Per department of whoever answered, the one whose people spent longest first. */
export function departmentStats(tasks: readonly ReportTask[], measure: Measure): DepartmentStats[] {
  const departments = [...groupBy(answeredOnly(tasks), (t) => t.departmentId)].map(
    ([departmentId, list]): DepartmentStats => ({
      departmentId,
      name: list[0]?.departmentName ?? null,
      people: new Set(list.map((t) => t.completedBy)).size,
      ...spreadOf(list.flatMap((t) => answeredIn(t, measure) ?? [])),
      share: 0,
    }),
  );
  return withShares(departments);
}

/** The tasks someone answered (a completion always names who: the caller or the actor). */
const answeredOnly = (tasks: readonly ReportTask[]) =>
  tasks.filter((t) => t.status === 'completed' && t.completedAt !== null && t.completedBy !== null);

function longestWaiting(open: readonly ReportTask[]): Waiting[] {
  return [...open]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .slice(0, WAITING_SHOWN)
    .map((t) => ({
      taskId: t.id,
      instanceId: t.instanceId,
      assignees: t.assignees,
      since: toIso(t.createdAt),
      dueAt: toIsoOrNull(t.dueAt),
    }));
}

function groupBy<K, T>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

function withShares<T extends Spread & { share: number }>(rows: T[]): T[] {
  const total = rows.reduce((sum, r) => sum + r.totalMs, 0);
  for (const r of rows) r.share = total === 0 ? 0 : r.totalMs / total;
  return rows.sort((a, b) => b.totalMs - a.totalMs || b.count - a.count);
}

import type { Activity } from '../api/crm-activities.ts';
import { dayIn } from '../i18n/local-time.ts';

/** How "My activities" splits open ones, in this order; their headings are activities.json `groups.*`. */
export const DEADLINE_GROUPS = ['overdue', 'today', 'later'] as const;
export type DeadlineGroup = (typeof DEADLINE_GROUPS)[number];

type Timed = Pick<Activity, 'dueAt' | 'doneAt'>;

/** Open and past its deadline at `now` (the server's `overdue` is as of its answer, this is as of now). */
export const isOverdue = (activity: Timed, now: number): boolean =>
  activity.doneAt === null && Date.parse(activity.dueAt) < now;

/** Overdue; else today when its deadline falls on the day `now` is in `timeZone`; else later. */
export function deadlineGroupOf(activity: Timed, now: number, timeZone: string): DeadlineGroup {
  if (isOverdue(activity, now)) return 'overdue';
  return dayIn(Date.parse(activity.dueAt), timeZone) === dayIn(now, timeZone) ? 'today' : 'later';
}

/** The groups that have activities, in DEADLINE_GROUPS order, each keeping the order it was given. */
export function groupByDeadline<T extends Timed>(
  activities: readonly T[],
  now: number,
  timeZone: string,
): { group: DeadlineGroup; items: T[] }[] {
  return DEADLINE_GROUPS.map((group) => ({
    group,
    items: activities.filter((a) => deadlineGroupOf(a, now, timeZone) === group),
  })).filter((g) => g.items.length > 0);
}

import type { Caller } from '../access/caller.ts';
import type { Runtime } from '../runtime/context.ts';
import { toIsoOrNull } from '../util/time.ts';
import { answeredIn, calendarTime, isOverdue } from './aggregate.ts';
import { csvLine } from './csv.ts';
import { demandView, type ReportRange, reportTasks, stepNames, workingTime } from './process-report.ts';

const HEADER = [
  'instance_id',
  'task_id',
  'step_id',
  'step',
  'status',
  'created_at',
  'completed_at',
  'due_at',
  'completed_by',
  'department',
  'duration_seconds',
  'working_seconds',
  'overdue',
];

/**
 * The report's tasks one per line, for BI tools: every task of the template's instances started in the
 * range, oldest first, with its step, times (ISO 8601, UTC), who answered, their department, how long
 * it took (answered tasks: on the clock and in working hours) and whether it missed its deadline.
 */
export async function tasksCsv(
  rt: Runtime,
  caller: Caller,
  key: string,
  range: ReportRange,
): Promise<string> {
  await demandView(rt, caller, key);
  const now = rt.now();
  const lines = [csvLine(HEADER)];
  const [tasks, names, working] = await Promise.all([
    reportTasks(rt, key, range, true),
    stepNames(rt, key),
    workingTime(rt),
  ]);
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  for (const t of tasks) {
    lines.push(
      csvLine([
        t.instanceId,
        t.id,
        t.nodeId,
        names(t.nodeId) ?? t.title,
        t.status,
        toIsoOrNull(t.createdAt),
        toIsoOrNull(t.completedAt),
        toIsoOrNull(t.dueAt),
        t.completedBy,
        t.departmentName,
        seconds(answeredIn(t, calendarTime)),
        seconds(answeredIn(t, working)),
        isOverdue(t, now) ? 1 : 0,
      ]),
    );
  }
  return lines.join('');
}

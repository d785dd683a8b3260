import type { Caller } from '../access/caller.ts';
import type { Runtime } from '../runtime/context.ts';
import { toIsoOrNull } from '../util/time.ts';
import { answeredIn, isOverdue } from './aggregate.ts';
import { csvLine } from './csv.ts';
import { demandView, type ReportRange, reportTasks, stepNames } from './process-report.ts';

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
  'overdue',
];

/**
 * The report's tasks one per line, for BI tools: every task of the template's instances started in the
 * range, oldest first, with its step, times (ISO 8601, UTC), who answered, their department, how long
 * it took (answered tasks) and whether it missed its deadline.
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
  const [tasks, names] = await Promise.all([reportTasks(rt, key, range, true), stepNames(rt, key)]);
  for (const t of tasks) {
    const took = answeredIn(t);
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
        took === null ? null : took / 1000,
        isOverdue(t, now) ? 1 : 0,
      ]),
    );
  }
  return lines.join('');
}

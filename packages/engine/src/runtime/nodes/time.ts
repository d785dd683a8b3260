import { addDuration, durationToMs, parseWait } from '../../expressions/index.ts';
import { ProcessFailure } from '../errors.ts';
import type { Execution } from '../execution.ts';
import type { WaitVia } from '../state.ts';

/** `from` + an ISO 8601 duration; in working time through the context's calendar when asked. */
export function addIso(
  exec: Execution,
  from: number,
  iso: string,
  workingTime: boolean,
  nodeId: string,
): number {
  const calendar = exec.ctx.calendar;
  if (workingTime && !calendar)
    throw new ProcessFailure(
      'NO_CALENDAR',
      'a working-time duration needs a calendar in the step context',
      nodeId,
    );
  try {
    const duration = parseWait(iso);
    return calendar && workingTime ? calendar.addWorkingTime(from, duration) : addDuration(from, duration);
  } catch (error) {
    // Versions published before compile checked lengths, and working time past the calendar's range.
    if (error instanceof RangeError) throw new ProcessFailure('BAD_DURATION', error.message, nodeId);
    throw error;
  }
}

export interface TimerSpec {
  duration?: string;
  date?: string;
  cycle?: string;
  workingTime?: boolean;
}

export interface TimerPlan {
  dueAt: number;
  repeat: { left: number | null; everyMs: number } | null;
}

/** When a timer event fires first, and how it repeats (cycles "R3/PT1H", "R/PT1H"). */
export function planTimer(exec: Execution, spec: TimerSpec, scopeId: string, nodeId: string): TimerPlan {
  if (spec.duration !== undefined)
    return { dueAt: addIso(exec, exec.now, spec.duration, spec.workingTime ?? false, nodeId), repeat: null };
  if (spec.date !== undefined) {
    const value = exec.evaluate(spec.date, scopeId, nodeId);
    const dueAt = Date.parse(String(value));
    if (Number.isNaN(dueAt))
      throw new ProcessFailure(
        'BAD_DATE',
        `timer date ${JSON.stringify(value)} is not an ISO date-time`,
        nodeId,
      );
    return { dueAt, repeat: null };
  }
  const match = /^R(\d*)\/(P.+)$/.exec(spec.cycle ?? '');
  if (!match)
    throw new ProcessFailure('BAD_CYCLE', `timer cycle "${spec.cycle}" is not of the form R3/PT1H`, nodeId);
  let everyMs: number;
  try {
    everyMs = durationToMs(parseWait(match[2] as string, true));
  } catch (error) {
    throw new ProcessFailure('BAD_CYCLE', `timer cycle "${spec.cycle}": ${(error as Error).message}`, nodeId);
  }
  const left = match[1] === '' ? null : Number(match[1]);
  return { dueAt: exec.now + everyMs, repeat: { left, everyMs } };
}

/** Schedules a timer wait for a token and emits the effect the runtime turns into a job. */
export function scheduleTimer(
  exec: Execution,
  tokenId: string,
  nodeId: string,
  plan: TimerPlan,
  via: WaitVia,
): string {
  const id = exec.nextId('tm');
  exec.addWait({ kind: 'timer', id, tokenId, nodeId, dueAt: plan.dueAt, via, repeat: plan.repeat });
  exec.emit({ type: 'scheduleTimer', timerId: id, nodeId, dueAt: plan.dueAt });
  exec.record('timer.scheduled', { nodeId, tokenId, timerId: id, data: { dueAt: plan.dueAt } });
  return id;
}

/** Subscribes a token to a message and emits the effect the runtime indexes for correlation. */
export function subscribe(
  exec: Execution,
  tokenId: string,
  nodeId: string,
  message: string,
  correlationKey: string | null,
  via: WaitVia,
): string {
  const id = exec.nextId('m');
  exec.addWait({ kind: 'message', id, tokenId, nodeId, message, correlationKey, via });
  exec.emit({ type: 'subscribeMessage', waitId: id, nodeId, message, correlationKey });
  return id;
}

/** Evaluates an optional correlation-key expression to a string. */
export function correlationKeyOf(
  exec: Execution,
  source: string | undefined,
  scopeId: string,
  nodeId: string,
): string | null {
  return source === undefined ? null : String(exec.evaluate(source, scopeId, nodeId));
}

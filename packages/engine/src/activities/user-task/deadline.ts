import type { ActivityContext } from '../plugin.ts';
import { evaluateList } from '../values.ts';
import type { Config } from './config.ts';
import type { Progress } from './votes.ts';

type Ctx = ActivityContext<Config>;

/** (Re)schedules the reminder and the deadline timers for the current tasks. */
export function planDeadline(ctx: Ctx, p: Progress): void {
  const c = ctx.config;
  for (const timer of [p.timers.remind, p.timers.due]) if (timer) ctx.cancelTimer(timer);
  p.timers = { remind: null, due: null };
  if (c.deadline === undefined || !c.escalation) return;
  if (c.mode === 'sequential') p.dueAt = ctx.addDuration(ctx.now, c.deadline, c.workingTime);
  const dueAt = p.dueAt as number;
  const before = c.escalation.remindBefore;
  if (before !== undefined) {
    const remindAt = ctx.addDuration(dueAt, `-${before}`, false);
    if (remindAt > ctx.now) p.timers.remind = ctx.scheduleTimer(remindAt);
  }
  p.timers.due = ctx.scheduleTimer(dueAt);
}

const openPeople = (p: Progress) => [...new Set(p.open.flatMap((t) => t.assignees))];

/** Before the deadline: the assignees of open tasks get a reminder. */
export function remind(ctx: Ctx, p: Progress): 'wait' {
  p.timers.remind = null;
  const to = openPeople(p);
  if (to.length > 0)
    ctx.effect({
      type: 'notify',
      to,
      text: `Reminder: "${p.title}" is due ${new Date(p.dueAt as number).toISOString()}`,
      message: { key: 'taskReminder', title: p.title, dueAt: p.dueAt as number },
    });
  return 'wait';
}

/** At the deadline: notify heads and others (once), then tell the caller whether to reassign or close. */
export function escalate(ctx: Ctx, p: Progress): { close: boolean; reassignTo: string[] } {
  p.timers.due = null;
  const e = ctx.config.escalation;
  if (!e) return { close: false, reassignTo: [] };
  const late = openPeople(p);
  const to = [
    ...new Set([...(e.notifyHeads ? late.map((a) => `head:${a}`) : []), ...evaluateList(ctx, e.notify)]),
  ];
  if (to.length > 0 && late.length > 0) {
    ctx.effect(
      e.text === undefined
        ? {
            type: 'notify',
            to,
            text: `Overdue: "${p.title}" (${late.join(', ')})`,
            message: { key: 'taskOverdue', title: p.title, late },
          }
        : { type: 'notify', to, text: ctx.render(e.text) },
    );
  }
  const reassignTo =
    e.reassignTo.length > 0
      ? ctx.expandAssignees(evaluateList(ctx, e.reassignTo)).map((a) => a.assignee)
      : [];
  return { close: e.closeAtDeadline, reassignTo };
}

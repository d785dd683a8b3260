import {
  type ActivityContext,
  defineActivity,
  listExpressions,
  type Resumption,
  templateAt,
} from '../plugin.ts';
import { evaluateList } from '../values.ts';
import { type Config, configSchema, decides, outcomesOf } from './config.ts';
import { escalate, planDeadline, remind } from './deadline.ts';
import { checkComment, decision, type Progress, vote } from './votes.ts';

type Ctx = ActivityContext<Config>;

/** Creates the task for one seat and remembers who holds it. */
function open(
  ctx: Ctx,
  p: Progress,
  assignees: string[],
  redirects: Parameters<Ctx['createTask']>[0]['redirects'],
): void {
  const c = ctx.config;
  const taskId = ctx.createTask({
    kind: c.kind,
    title: p.title,
    ...(c.description === undefined ? {} : { description: ctx.render(c.description) }),
    assignees,
    redirects: redirects.filter((r) => assignees.includes(r.assignee)),
    delegation: c.delegation,
    dueAt: p.dueAt,
    fields: c.fields,
    outcomes: outcomesOf(c),
  });
  p.open.push({ taskId, assignees });
}

/** The people the task goes to: its assignee expressions, else the node's role, through the directory. */
function assign(ctx: Ctx): { seats: string[][]; redirects: Parameters<Ctx['createTask']>[0]['redirects'] } {
  const c = ctx.config;
  const role = ctx.node.node.role ? [`role:${ctx.node.node.role}`] : ['role:processAdministrator'];
  // Expressions that give nobody fall back to the node's role: a task nobody can see would stall the process.
  const refs = c.assignees.length > 0 ? evaluateList(ctx, c.assignees) : [];
  let people = ctx.expandAssignees(refs.length > 0 ? refs : role);
  if (people.length === 0) people = ctx.expandAssignees(role);
  if (people.length === 0) people = role.map((assignee) => ({ assignee }));
  const redirects = people.flatMap((a) =>
    a.meantFor && a.reason ? [{ assignee: a.assignee, meantFor: a.meantFor, reason: a.reason }] : [],
  );
  const names = [...new Set(people.map((a) => a.assignee))];
  return { seats: c.mode === 'any' || names.length === 1 ? [names] : names.map((n) => [n]), redirects };
}

function finish(ctx: Ctx, p: Progress, approved: boolean | undefined, reason: string): 'complete' {
  ctx.cancelTasks(
    p.open.map((o) => o.taskId),
    reason,
  );
  for (const timer of [p.timers.remind, p.timers.due]) if (timer) ctx.cancelTimer(timer);
  if (decides(ctx.config)) ctx.setVariables({ [ctx.config.resultVariable]: approved ?? false });
  return 'complete';
}

function answered(ctx: Ctx, p: Progress, why: Extract<Resumption, { kind: 'task' }>): 'complete' | 'wait' {
  const c = ctx.config;
  const yes = vote(c, why);
  if (c.kind === 'approve') checkComment(c, why, yes);
  p.open = p.open.filter((t) => t.taskId !== why.taskId);
  p.done++;
  const { [c.resultVariable]: _decision, ...rest } = why.variables;
  ctx.setVariables(decides(c) ? rest : why.variables);
  if (decides(c)) {
    if (yes) p.approvals++;
    else p.rejections++;
    const decided = c.kind === 'approve' ? decision(c, p) : yes;
    if (decided !== undefined) return finish(ctx, p, decided, 'decided');
  } else if (p.done === p.seats.length) {
    return finish(ctx, p, undefined, 'done');
  }
  if (c.mode === 'sequential' && p.next < p.seats.length) {
    open(ctx, p, p.seats[p.next++] as string[], []);
    planDeadline(ctx, p);
  }
  return 'wait';
}

/**
 * A task for people: approve, review, request information, acknowledge, fill a form. Assignees come
 * through the directory (absences applied); modes any / all / percent / sequential decide how many tasks
 * and how votes count; a deadline can remind, escalate, reassign or close.
 */
export const userTask = defineActivity({
  type: 'userTask',
  waits: true,
  category: 'people',
  configSchema,
  expressions: (c) => [
    ...listExpressions('assignees', c.assignees),
    ...templateAt('title', c.title),
    ...templateAt('description', c.description),
    ...listExpressions('escalation.notify', c.escalation?.notify).map((e) => ({
      ...e,
      path: ['escalation', 'notify', e.path[1] as number],
    })),
    ...listExpressions('escalation.reassignTo', c.escalation?.reassignTo).map((e) => ({
      ...e,
      path: ['escalation', 'reassignTo', e.path[1] as number],
    })),
    ...(c.escalation?.text === undefined
      ? []
      : [{ path: ['escalation', 'text'], source: c.escalation.text, mode: 'template' as const }]),
  ],
  start(ctx) {
    const c = ctx.config;
    const { seats, redirects } = assign(ctx);
    const title = c.title === undefined ? (ctx.node.node.name ?? ctx.node.node.id) : ctx.render(c.title);
    const p: Progress = {
      title,
      seats,
      next: 0,
      open: [],
      approvals: 0,
      rejections: 0,
      done: 0,
      dueAt: null,
      timers: { remind: null, due: null },
    };
    p.dueAt = c.deadline === undefined ? null : ctx.addDuration(ctx.now, c.deadline, c.workingTime);
    const first = c.mode === 'sequential' ? 1 : seats.length;
    for (; p.next < first; p.next++) open(ctx, p, seats[p.next] as string[], redirects);
    planDeadline(ctx, p);
    ctx.setData(p);
    return 'wait';
  },
  resume(ctx, why) {
    const p = copyProgress(ctx.data<Progress>() as Progress);
    let result: 'complete' | 'wait';
    if (why.kind === 'task') result = answered(ctx, p, why);
    else if (why.kind === 'timer' && why.timerId === p.timers.remind) result = remind(ctx, p);
    else if (why.kind === 'timer' && why.timerId === p.timers.due) {
      const next = escalate(ctx, p);
      result = next.close
        ? finish(ctx, p, p.approvals > 0 && p.rejections === 0 ? true : undefined, 'deadline passed')
        : 'wait';
      if (next.reassignTo.length > 0 && result === 'wait') {
        // The seats still unanswered become one seat for the new assignees.
        ctx.cancelTasks(
          p.open.map((o) => o.taskId),
          'reassigned at the deadline',
        );
        p.open = [];
        p.seats = [...p.seats.slice(0, p.done), next.reassignTo];
        p.next = p.seats.length;
        open(ctx, p, next.reassignTo, []);
      }
    } else result = 'wait';
    if (result === 'wait') ctx.setData(p);
    return result;
  },
  reassigned(ctx, taskId, assignees) {
    // Reminders and the deadline's escalation read the holders from here.
    const p = copyProgress(ctx.data<Progress>() as Progress);
    const held = p.open.find((t) => t.taskId === taskId);
    p.open = p.open.map((t) => (t.taskId === taskId ? { taskId, assignees } : t));
    ctx.setData(p);
    return held?.assignees ?? [];
  },
});

/** Progress is plain JSON kept in the state: copy before changing it (the engine never mutates its input). */
function copyProgress(p: Progress): Progress {
  return { ...p, seats: p.seats, open: [...p.open], timers: { ...p.timers } };
}

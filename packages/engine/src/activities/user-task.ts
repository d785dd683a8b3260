import { z } from 'zod';
import { fieldSchema } from '../model/fields.ts';
import { ASSIGNMENT_MODES, TASK_KINDS, type TaskKind } from '../runtime/effects.ts';
import {
  type ActivityContext,
  defineActivity,
  listExpressions,
  type Resumption,
  templateAt,
} from './plugin.ts';
import { evaluateList } from './values.ts';

const configSchema = z
  .strictObject({
    kind: z.enum(TASK_KINDS).default('form'),
    title: z.string().optional(),
    description: z.string().optional(),
    /** Expressions giving assignee references (a user id, `role:Name`, `head:…`); empty = the node's role. */
    assignees: z.array(z.string()).default([]),
    /** any: one task, first answer counts; all / percent: a task each, votes counted; sequential: one after another. */
    mode: z.enum(ASSIGNMENT_MODES).default('any'),
    percent: z.number().min(1).max(100).default(50),
    /** ISO 8601 duration from task creation. */
    deadline: z.string().optional(),
    workingTime: z.boolean().default(false),
    outcomes: z.array(z.strictObject({ id: z.string().min(1), label: z.string().optional() })).optional(),
    fields: z.array(fieldSchema).default([]),
    /** approve tasks: the boolean variable that receives the decision. */
    resultVariable: z.string().default('approved'),
  })
  .refine((c) => c.mode !== 'percent' || c.kind === 'approve', {
    message: 'mode "percent" is for approve tasks',
  });
type Config = z.output<typeof configSchema>;

const DEFAULT_OUTCOMES: Record<TaskKind, string[]> = {
  approve: ['approved', 'rejected'],
  review: ['reviewed'],
  acknowledge: ['acknowledged'],
  requestInfo: ['submitted'],
  form: ['submitted'],
};

/** Progress of one activation: which tasks are open and how the votes stand. */
interface Progress {
  assignees: string[];
  open: string[];
  next: number;
  approvals: number;
  rejections: number;
  done: number;
}

type Ctx = ActivityContext<Config>;

function createTaskFor(ctx: Ctx, assignees: string[]): string {
  const c = ctx.config;
  return ctx.createTask({
    kind: c.kind,
    title: c.title === undefined ? (ctx.node.node.name ?? ctx.node.node.id) : ctx.render(c.title),
    ...(c.description === undefined ? {} : { description: ctx.render(c.description) }),
    assignees,
    dueAt: c.deadline === undefined ? null : ctx.addDuration(ctx.now, c.deadline, c.workingTime),
    fields: c.fields,
    outcomes: c.outcomes ?? DEFAULT_OUTCOMES[c.kind].map((id) => ({ id })),
  });
}

function vote(c: Config, why: Extract<Resumption, { kind: 'task' }>): boolean {
  if (why.outcome === 'rejected' || why.outcome === 'reject') return false;
  if (why.outcome === 'approved' || why.outcome === 'approve') return true;
  const given = why.variables[c.resultVariable];
  return typeof given === 'boolean' ? given : true;
}

/** The decision once it is certain, or undefined while votes can still change it. */
function decision(c: Config, p: Progress): boolean | undefined {
  const n = p.assignees.length;
  if (c.mode === 'any') return p.approvals > 0;
  if (c.mode === 'percent') {
    const needed = Math.ceil((n * c.percent) / 100);
    if (p.approvals >= needed) return true;
    if (p.rejections > n - needed) return false;
    return undefined;
  }
  if (p.rejections > 0) return false;
  return p.approvals === n ? true : undefined;
}

function finish(ctx: Ctx, p: Progress, approved: boolean | undefined): 'complete' {
  for (const taskId of p.open) ctx.cancelTask(taskId, 'decided');
  if (ctx.config.kind === 'approve') ctx.setVariables({ [ctx.config.resultVariable]: approved });
  return 'complete';
}

/** A task for people: approve, review, request information, acknowledge, fill a form. */
export const userTask = defineActivity({
  type: 'userTask',
  category: 'people',
  configSchema,
  expressions: (c) => [
    ...listExpressions('assignees', c.assignees),
    ...templateAt('title', c.title),
    ...templateAt('description', c.description),
  ],
  start(ctx) {
    const c = ctx.config;
    const fromNode = ctx.node.node.role ? [`role:${ctx.node.node.role}`] : ['role:processAdministrator'];
    // Expressions that give nobody fall back to the node's role: a task nobody can see would stall the process.
    const evaluated = c.assignees.length > 0 ? evaluateList(ctx, c.assignees) : [];
    const assignees = evaluated.length > 0 ? evaluated : fromNode;
    const p: Progress = { assignees, open: [], next: 0, approvals: 0, rejections: 0, done: 0 };
    if (c.mode === 'any' || assignees.length <= 1) p.open = [createTaskFor(ctx, assignees)];
    else if (c.mode === 'sequential') p.open = [createTaskFor(ctx, [assignees[p.next++] as string])];
    else p.open = assignees.map((a) => createTaskFor(ctx, [a]));
    if (c.mode === 'any' || assignees.length <= 1) p.assignees = [assignees.join(',')];
    ctx.setData(p);
    return 'wait';
  },
  resume(ctx, why) {
    if (why.kind !== 'task') return 'wait';
    const c = ctx.config;
    const p = { ...(ctx.data<Progress>() as Progress) };
    p.open = p.open.filter((id) => id !== why.taskId);
    p.done++;
    const { [c.resultVariable]: _decision, ...rest } = why.variables;
    ctx.setVariables(c.kind === 'approve' ? rest : why.variables);
    if (c.kind === 'approve') {
      if (vote(c, why)) p.approvals++;
      else p.rejections++;
      const decided = decision(c, p);
      if (decided !== undefined) return finish(ctx, p, decided);
    } else if (p.done === p.assignees.length) {
      return finish(ctx, p, undefined);
    }
    if (c.mode === 'sequential' && p.next < p.assignees.length) {
      p.open = [createTaskFor(ctx, [p.assignees[p.next++] as string])];
    }
    ctx.setData(p);
    return 'wait';
  },
});

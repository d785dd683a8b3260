import { z } from 'zod';
import { fieldSchema } from '../../model/fields.ts';
import { ASSIGNMENT_MODES, DELEGATION_POLICIES, TASK_KINDS, type TaskKind } from '../../runtime/effects.ts';

/** What happens around a task's deadline. Every part is optional; recipients are CEL expressions. */
const escalationSchema = z.strictObject({
  /** ISO 8601 duration before the deadline: remind the assignees of open tasks. */
  remindBefore: z.string().optional(),
  /** At the deadline, notify the head of each assignee who has not answered. */
  notifyHeads: z.boolean().default(true),
  /** At the deadline, also notify these (e.g. `document.responsible`). */
  notify: z.array(z.string()).default([]),
  /** At the deadline, take the open tasks away and give one task to these people instead. */
  reassignTo: z.array(z.string()).default([]),
  /** At the deadline, stop waiting: open tasks are cancelled (who did not answer stays visible) and the process goes on. */
  closeAtDeadline: z.boolean().default(false),
  /** Notification text at the deadline (template); default: `Overdue: <title>`. */
  text: z.string().optional(),
});

export const configSchema = z
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
    escalation: escalationSchema.optional(),
    outcomes: z.array(z.strictObject({ id: z.string().min(1), label: z.string().optional() })).optional(),
    fields: z.array(fieldSchema).default([]),
    /** approve tasks (and requestInfo with allowReject): the boolean variable that receives the decision. */
    resultVariable: z.string().default('approved'),
    /** approve tasks: a rejection must come with a non-empty `comment` variable. */
    requireCommentOnReject: z.boolean().default(false),
    /** requestInfo tasks: the assignee may refuse instead of filling the fields. */
    allowReject: z.boolean().default(false),
    /** Who the assignees may hand the task to. */
    delegation: z.enum(DELEGATION_POLICIES).default('anyone'),
  })
  .refine((c) => c.mode !== 'percent' || c.kind === 'approve', {
    message: 'mode "percent" is for approve tasks',
  })
  .refine((c) => c.escalation === undefined || c.deadline !== undefined, {
    message: 'escalation needs a deadline',
    path: ['escalation'],
  });
export type Config = z.output<typeof configSchema>;

const DEFAULT_OUTCOMES: Record<TaskKind, string[]> = {
  approve: ['approved', 'rejected'],
  review: ['reviewed'],
  acknowledge: ['acknowledged'],
  requestInfo: ['submitted'],
  form: ['submitted'],
};

export function outcomesOf(c: Config): { id: string; label?: string }[] {
  if (c.outcomes) return c.outcomes;
  const ids = DEFAULT_OUTCOMES[c.kind];
  return (c.kind === 'requestInfo' && c.allowReject ? [...ids, 'rejected'] : ids).map((id) => ({ id }));
}

/** Decisions are recorded for approvals, and for information requests that may be refused. */
export const decides = (c: Config) => c.kind === 'approve' || (c.kind === 'requestInfo' && c.allowReject);

import { EventRejected } from '../../runtime/errors.ts';
import type { Resumption } from '../plugin.ts';
import type { Config } from './config.ts';

/** How one activation stands: the seats (one per vote), open tasks, votes, deadline timers. */
export interface Progress {
  title: string;
  /** Each seat is one vote; in mode any the single seat holds everyone. */
  seats: string[][];
  next: number;
  open: { taskId: string; assignees: string[] }[];
  approvals: number;
  rejections: number;
  done: number;
  dueAt: number | null;
  timers: { remind: string | null; due: string | null };
}

type TaskAnswer = Extract<Resumption, { kind: 'task' }>;

/** A yes or no from one answer: the outcome if given, else the result variable, else yes. */
export function vote(c: Config, why: TaskAnswer): boolean {
  if (why.outcome === 'rejected' || why.outcome === 'reject') return false;
  if (why.outcome === 'approved' || why.outcome === 'approve' || why.outcome === 'submitted') return true;
  const given = why.variables[c.resultVariable];
  return typeof given === 'boolean' ? given : true;
}

/** Refuses a rejection without a comment when the template asks for one (nothing is written). */
export function checkComment(c: Config, why: TaskAnswer, approved: boolean): void {
  const comment = why.variables.comment;
  if (c.requireCommentOnReject && !approved && (typeof comment !== 'string' || comment.trim() === '')) {
    throw new EventRejected('COMMENT_REQUIRED', 'a rejection needs a comment', [
      { path: 'variables.comment', message: 'required when rejecting' },
    ]);
  }
}

/** The decision once it is certain, or undefined while votes can still change it. */
export function decision(c: Config, p: Progress): boolean | undefined {
  const n = p.seats.length;
  if (c.mode === 'any' || n === 1) return p.approvals > 0;
  if (c.mode === 'percent') {
    const needed = Math.ceil((n * c.percent) / 100);
    if (p.approvals >= needed) return true;
    if (p.rejections > n - needed) return false;
    return undefined;
  }
  if (p.rejections > 0) return false;
  return p.approvals === n ? true : undefined;
}

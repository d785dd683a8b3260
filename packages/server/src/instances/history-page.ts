import type { HistoryEvent } from '@baton/engine';
import type { Caller } from '../access/caller.ts';
import { prepared } from '../db/prepared.ts';
import type { Runtime } from '../runtime/context.ts';
import { readHistory } from './history.ts';
import { findRow } from './service.ts';
import { durations, historyView, KEY_EVENTS, type TimelineEntry } from './timeline.ts';

export interface HistoryPageQuery {
  /** Only events numbered below this (the previous page's `nextBefore`); the newest when absent. */
  before?: number | undefined;
  limit: number;
  /** `key`: the events a timeline shows by default (KEY_EVENTS); `all`: every event. */
  view: 'key' | 'all';
}

export interface HistoryPage {
  /** Oldest first: the `limit` newest events of the view numbered below `before`. */
  items: TimelineEntry[];
  /** How many events the view has in all. */
  total: number;
  /** `before` for the page of older events, or null when this page reaches the first. */
  nextBefore: number | null;
}

const commentsOf = prepared((db, instanceId: string) =>
  db
    .selectFrom('tasks')
    .select(['id', 'comment'])
    .where('instance_id', '=', instanceId)
    .where('comment', 'is not', null),
);

/**
 * The version of an instance's history the caller sees (404 when they see no such instance), for a
 * conditional request: it changes with every event appended, and a page's comments come with its
 * `task.completed` events, so an open card's poll of an unchanged history is answered without reading it.
 */
export async function historyTag(rt: Runtime, caller: Caller, id: string): Promise<string> {
  return `W/"${(await findRow(rt, caller, id)).history_seq}"`;
}

/**
 * A page of the history of an instance the caller sees (historyTag checked that), newest pages first,
 * so a card or a task page need not load thousands of events to show the latest. Durations are
 * measured over the whole history.
 */
export async function historyPage(rt: Runtime, id: string, query: HistoryPageQuery): Promise<HistoryPage> {
  const [history, { rows }] = await Promise.all([
    readHistory(rt.db.kysely, id),
    commentsOf(rt.db.kysely, id),
  ]);
  const comments = new Map(rows.map((r) => [r.id, r.comment]));
  const took = durations(history);
  const before = query.before ?? Number.POSITIVE_INFINITY;
  const shown: number[] = [];
  history.forEach((event, i) => {
    if (query.view === 'all' || KEY_EVENTS.has(event.type)) shown.push(i);
  });
  const past = shown.findIndex((i) => i + 1 >= before);
  const end = past === -1 ? shown.length : past;
  const start = Math.max(0, end - query.limit);
  const items = shown.slice(start, end).map((i): TimelineEntry => {
    const view = historyView(id, history[i] as HistoryEvent, i + 1);
    const comment = view.type === 'task.completed' && view.taskId ? comments.get(view.taskId) : null;
    return { ...view, tookMs: took[i] ?? null, ...(comment ? { comment } : {}) };
  });
  return { items, total: shown.length, nextBefore: start > 0 ? (shown[start] as number) + 1 : null };
}

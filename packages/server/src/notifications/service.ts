import type { Caller } from '../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { NotificationsTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { type NoticeView, storedNotice } from './notices.ts';

/**
 * In-app notifications: the `notify` job stores one row per recipient (jobs/handlers/notify.ts); only
 * that recipient ever reads or marks it. Anyone else's notification is a 404, like one that does not exist.
 */
export interface NotificationView {
  id: string;
  text: string;
  /** Set when Baton worded it: readers show it in their language. */
  message: NoticeView | null;
  instanceId: string | null;
  nodeId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationFilter {
  unread?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface NotificationPage extends Page<NotificationView> {
  /** All of the caller's unread notifications, whatever the page. */
  unreadCount: number;
}

/** The caller's notifications, newest first (created_at desc, id desc), keyset-paginated. */
export async function listNotifications(
  rt: Runtime,
  caller: Caller,
  f: NotificationFilter,
): Promise<NotificationPage> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = db.selectFrom('notifications').selectAll().where('recipient', '=', caller.userId);
  if (f.unread === true) q = q.where('read_at', 'is', null);
  if (f.unread === false) q = q.where('read_at', 'is not', null);
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([eb('created_at', '<', at), eb.and([eb('created_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const [rows, unread] = await Promise.all([
    q
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit + 1)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('recipient', '=', caller.userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...toPage(rows, limit, viewOf, (r) => [r.created_at, r.id]), unreadCount: Number(unread.n) };
}

/** Marks one of the caller's notifications read (again: it keeps the first time); 404 for anyone else's. */
export async function markRead(rt: Runtime, caller: Caller, id: string): Promise<NotificationView> {
  const db = rt.db.kysely;
  await db
    .updateTable('notifications')
    .set({ read_at: rt.now() })
    .where('id', '=', id)
    .where('recipient', '=', caller.userId)
    .where('read_at', 'is', null)
    .execute();
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('recipient', '=', caller.userId)
    .executeTakeFirst();
  if (!row) throw new NotFound('notification', id);
  return viewOf(row);
}

/** Marks every unread notification of the caller read; returns how many it marked. */
export async function markAllRead(rt: Runtime, caller: Caller): Promise<number> {
  const result = await rt.db.kysely
    .updateTable('notifications')
    .set({ read_at: rt.now() })
    .where('recipient', '=', caller.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function viewOf(row: NotificationsTable): NotificationView {
  return {
    id: row.id,
    text: row.text,
    message: storedNotice(row.message),
    instanceId: row.instance_id,
    nodeId: row.node_id,
    createdAt: toIso(row.created_at),
    readAt: toIsoOrNull(row.read_at),
  };
}

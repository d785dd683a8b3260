import { type DatabaseConnection, type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { NoticeView } from '../notifications/notices.ts';

/**
 * What the signed-in user's event stream (`GET /api/v1/events`) pushes. A closed union: a new kind
 * needs its payload here, and the stream writes `event: <type>` with `data: <data as JSON>`.
 */
export type UserEvent =
  | { type: 'task.created'; userId: string; data: { id: string; title: string; instanceId: string } }
  | {
      type: 'notification';
      userId: string;
      data: {
        id: string;
        text: string;
        message: NoticeView | null;
        instanceId: string | null;
        createdAt: string;
      };
    };

/** PostgreSQL channel carrying user events between processes (payload: a JSON array of events). */
export const USER_EVENTS_CHANNEL = 'baton_events';
/** pg_notify refuses payloads of 8,000 bytes and more. */
const MAX_PAYLOAD = 7_000;

type Listener = (event: UserEvent) => void;

/** The events of this process, by user: fed after commit (SQLite) or from LISTEN (PostgreSQL). */
export class UserEventBus {
  readonly #listeners = new Map<string, Set<Listener>>();

  /** Calls `listener` with every event for `userId` from now on; returns the unsubscribe function. */
  subscribe(userId: string, listener: Listener): () => void {
    const set = this.#listeners.get(userId) ?? new Set<Listener>();
    set.add(listener);
    this.#listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(userId) === set) this.#listeners.delete(userId);
    };
  }

  /** Hands events to their users' listeners; a listener that throws never stops the others. */
  dispatch(events: readonly UserEvent[]): void {
    for (const event of events)
      for (const listener of this.#listeners.get(event.userId) ?? []) {
        try {
          listener(event);
        } catch {
          // A broken stream is the stream's problem (it closes itself); the commit already happened.
        }
      }
  }
}

/** SQLite: events published inside a transaction, by its connection, until it commits or rolls back. */
const held = new WeakMap<DatabaseConnection, UserEvent[]>();

/** Takes what a transaction on `connection` published (for its commit or rollback, sqlite-events.ts). */
export function takeHeld(connection: DatabaseConnection): UserEvent[] {
  const events = held.get(connection) ?? [];
  held.delete(connection);
  return events;
}

/**
 * Publishes events to their users' streams **when `trx` commits**, never for work rolled back:
 * PostgreSQL delivers `pg_notify` on commit to every listening process; SQLite (one process) holds them
 * by connection until its driver commits (sqlite-events.ts). Must be called inside the transaction that
 * writes what the events announce.
 *
 * @example
 * await publishUserEvent(trx, ...taskAssigned(['ann'], { id, title, instanceId }));
 */
export async function publishUserEvent(trx: Kysely<Database>, ...events: UserEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (!trx.isTransaction) throw new Error('publishUserEvent needs the transaction that commits the change');
  const executor = trx.getExecutor();
  if (executor.adapter instanceof PostgresAdapter) {
    for (const payload of payloads(events))
      await sql`select pg_notify(${USER_EVENTS_CHANNEL}, ${payload})`.execute(trx);
    return;
  }
  await executor.provideConnection(async (connection) => {
    held.set(connection, [...(held.get(connection) ?? []), ...events]);
  });
}

/** JSON arrays of events, each under pg_notify's payload limit (a longer single event is cut to its ids). */
function payloads(events: readonly UserEvent[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const event of events) {
    let json = JSON.stringify(event);
    if (json.length > MAX_PAYLOAD) json = JSON.stringify(shortened(event));
    if (batch.length > 0 && size + json.length + 1 > MAX_PAYLOAD) {
      out.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += json.length + 1;
  }
  if (batch.length > 0) out.push(`[${batch.join(',')}]`);
  return out;
}

const shortened = (e: UserEvent): UserEvent =>
  e.type === 'task.created'
    ? { ...e, data: { ...e.data, title: e.data.title.slice(0, 1000) } }
    : { ...e, data: { ...e.data, text: e.data.text.slice(0, 1000) } };

/**
 * `task.created` for the people among a task's assignees (user ids or `user:<id>`). Role and group
 * references are skipped: the organisation resolves assignees to people when a task is created.
 */
export function taskAssigned(
  assignees: readonly string[],
  task: { id: string; title: string; instanceId: string },
): UserEvent[] {
  return peopleAmong(assignees).map((userId) => ({ type: 'task.created', userId, data: { ...task } }));
}

/** The user ids among assignees (`ann`, `user:ann`), each once; role and group references left out. */
export function peopleAmong(assignees: readonly string[]): string[] {
  const people = assignees
    .map((a) => (a.startsWith('user:') ? a.slice('user:'.length) : a))
    .filter((a) => !a.includes(':'));
  return [...new Set(people)];
}

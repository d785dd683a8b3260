import type { ConfiguredWorkCalendar, Duration, StepContext } from '@baton/engine';
import type { Kysely } from 'kysely';
import { DEFAULT_CALENDAR_SETTINGS, workCalendarOf } from '../calendar/days.ts';
import { readCalendarDays, readCalendarSettings } from '../calendar/store.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { createDirectory, type OrgDirectory } from '../org/directory.ts';
import { readOrgSnapshot } from '../org/snapshot.ts';
import type { Runtime } from './context.ts';

/**
 * The organisation and the working calendar, as every engine step sees them, cached per database
 * handle (so per process) and keyed by the counters `org_version` and `calendar_version` in `settings`.
 * Every change to users, departments, roles, groups or absences bumps `org_version` in its own
 * transaction, every calendar change `calendar_version`; a step reads both counters (one query, in the
 * step's transaction) and reloads only what moved. So a change made through any process is seen by the
 * next step in every process.
 */
interface Loaded<T> {
  version: string;
  value: T;
}

interface Cache {
  org?: Loaded<OrgDirectory>;
  calendar?: Loaded<ConfiguredWorkCalendar>;
}

const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = {};
    caches.set(db, cache);
  }
  return cache;
}

async function versions(db: Kysely<Database>): Promise<{ org: string; calendar: string }> {
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['org_version', 'calendar_version'])
    .execute();
  const of = (key: string) => rows.find((r) => r.key === key)?.value ?? '0';
  return { org: of('org_version'), calendar: of('calendar_version') };
}

/**
 * The step context for `now`: the directory and calendar current in `db` (a transaction's view).
 *
 * @example
 * const result = step(compiled, state, event, await stepContext(rt, trx));
 */
export async function stepContext(rt: Runtime, db: Kysely<Database>, now = rt.now()): Promise<StepContext> {
  const v = await versions(db);
  const cache = cacheOf(rt.db);
  if (cache.org?.version !== v.org)
    cache.org = { version: v.org, value: createDirectory(await readOrgSnapshot(db, now)) };
  if (cache.calendar?.version !== v.calendar) {
    const [settings, days] = await Promise.all([readCalendarSettings(db), readCalendarDays(db)]);
    cache.calendar = { version: v.calendar, value: workCalendarOf(settings, days) };
  }
  return { now, calendar: cache.calendar.value, directory: cache.org.value };
}

/** The current directory (refreshed like a step's), for notification recipients and moving tasks. */
export async function currentDirectory(
  rt: Runtime,
  db: Kysely<Database>,
  now = rt.now(),
): Promise<OrgDirectory> {
  return (await stepContext(rt, db, now)).directory as OrgDirectory;
}

/**
 * `Runtime.calendar`: always the calendar the last step of this process loaded (the defaults before
 * the first), for code that needs working time outside a step.
 */
export function liveCalendar(db: Db): ConfiguredWorkCalendar {
  const fallback = workCalendarOf(DEFAULT_CALENDAR_SETTINGS, []);
  const current = () => caches.get(db)?.calendar?.value ?? fallback;
  return {
    get utcOffsetMinutes() {
      return current().utcOffsetMinutes;
    },
    addWorkingTime: (from: number, duration: Duration) => current().addWorkingTime(from, duration),
    isWorkingDay: (at: number) => current().isWorkingDay(at),
  };
}

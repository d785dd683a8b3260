import {
  type CompiledDefinition,
  type ConfiguredWorkCalendar,
  calendarOfDays,
  createDirectory,
  type Duration,
  type OrgDirectory,
  type StepContext,
} from '@baton/engine';
import type { Kysely } from 'kysely';
import { DEFAULT_CALENDAR_SETTINGS } from '../calendar/days.ts';
import { readCalendarDays, readCalendarSettings } from '../calendar/store.ts';
import { bumpedCounters, localCounterBumps } from '../db/counters.ts';
import type { Db } from '../db/database.ts';
import { prepared } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';
import { compiledDefinition, latestCompiled } from '../definitions/compiled-cache.ts';
import { readOrgSnapshot } from '../org/snapshot.ts';
import type { Runtime } from './context.ts';

/**
 * The organisation and the working calendar, as every engine step sees them, cached per database
 * handle (so per process) and keyed by the counters `org_version` and `calendar_version` in `settings`.
 * Every change to users, departments, roles, groups or absences bumps `org_version` in its own
 * transaction, every calendar change `calendar_version`; a step reads the counters (one query, in the
 * step's transaction — on SQLite only when another process committed or this one bumped a counter since
 * the last read, see `versions`) and reloads only what moved. So a change made through any process is seen by the
 * next step in every process. Starts also cache the newest published version of each template the same
 * way, keyed by `definitions_version` (`startContext`).
 */
interface Loaded<T> {
  version: string;
  value: T;
}

interface Cache {
  /** SQLite: the counters as last read, keyed by data_version and this process's bumps. */
  counters?: Loaded<Versions>;
  org?: Loaded<OrgDirectory>;
  calendar?: Loaded<ConfiguredWorkCalendar>;
  /** The newest published version of each template started here. */
  latest?: Loaded<Map<string, number>>;
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

interface Versions {
  org: string;
  calendar: string;
  definitions: string;
}

const counters = prepared((db) =>
  db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['org_version', 'calendar_version', 'definitions_version']),
);

/**
 * The counters as `db` (a transaction) sees them. On SQLite they are read only when another process has
 * committed or this one bumped a counter since the last read: a step skips the query.
 */
async function versions(rt: Runtime, db: Kysely<Database>): Promise<Versions> {
  const cache = cacheOf(rt.db);
  const stamp = rt.db.changeStamp ? `${rt.db.changeStamp()}:${localCounterBumps()}` : null;
  const cacheable = stamp !== null && !bumpedCounters(db);
  if (cacheable && cache.counters?.version === stamp) return cache.counters.value;
  const { rows } = await counters(db);
  const of = (key: string) => rows.find((r) => r.key === key)?.value ?? '0';
  const value = {
    org: of('org_version'),
    calendar: of('calendar_version'),
    definitions: of('definitions_version'),
  };
  if (cacheable) cache.counters = { version: stamp, value };
  return value;
}

/**
 * The step context for `now`: the directory and calendar current in `db` (a transaction's view).
 *
 * @example
 * const result = step(compiled, state, event, await stepContext(rt, trx));
 */
export async function stepContext(rt: Runtime, db: Kysely<Database>, now = rt.now()): Promise<StepContext> {
  return contextAt(rt, db, await versions(rt, db), now);
}

async function contextAt(rt: Runtime, db: Kysely<Database>, v: Versions, now: number): Promise<StepContext> {
  const cache = cacheOf(rt.db);
  if (cache.org?.version !== v.org)
    cache.org = { version: v.org, value: createDirectory(await readOrgSnapshot(db, now)) };
  if (cache.calendar?.version !== v.calendar) {
    const [settings, days] = await Promise.all([readCalendarSettings(db), readCalendarDays(db)]);
    cache.calendar = { version: v.calendar, value: calendarOfDays(settings, days) };
  }
  return { now, calendar: cache.calendar.value, directory: cache.org.value };
}

/**
 * What a start needs, read in `db` (the start's transaction): the step context and the newest published
 * version of `key`. The version is cached per process like the directory, keyed by
 * `definitions_version`, which every publication and deletion bumps: a start makes no query of its own
 * for it while nothing was published.
 */
export async function startContext(
  rt: Runtime,
  db: Kysely<Database>,
  key: string,
  now = rt.now(),
): Promise<{ ctx: StepContext; version: number; compiled: CompiledDefinition }> {
  const v = await versions(rt, db);
  const ctx = await contextAt(rt, db, v, now);
  const cache = cacheOf(rt.db);
  if (cache.latest?.version !== v.definitions) cache.latest = { version: v.definitions, value: new Map() };
  const known = cache.latest.value.get(key);
  if (known !== undefined) return { ctx, version: known, compiled: await compiledDefinition(db, key, known) };
  const latest = await latestCompiled(db, key);
  cache.latest.value.set(key, latest.version);
  return { ctx, ...latest };
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
  const fallback = calendarOfDays(DEFAULT_CALENDAR_SETTINGS, []);
  const current = () => caches.get(db)?.calendar?.value ?? fallback;
  return {
    get utcOffsetMinutes() {
      return current().utcOffsetMinutes;
    },
    addWorkingTime: (from: number, duration: Duration) => current().addWorkingTime(from, duration),
    isWorkingDay: (at: number) => current().isWorkingDay(at),
    workingTimeBetween: (from: number, to: number) => current().workingTimeBetween(from, to),
  };
}

import type { Kysely } from 'kysely';
import { bumpCounter } from '../db/counters.ts';
import type { Database } from '../db/schema.ts';
import { type CalendarDay, type CalendarSettings, DEFAULT_CALENDAR_SETTINGS } from './days.ts';

/** The stored settings (the defaults when the row is missing). */
export async function readCalendarSettings(db: Kysely<Database>): Promise<CalendarSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'calendar')
    .executeTakeFirst();
  return row
    ? { ...DEFAULT_CALENDAR_SETTINGS, ...(JSON.parse(row.value) as Partial<CalendarSettings>) }
    : DEFAULT_CALENDAR_SETTINGS;
}

/** Every special date, or those of one year, in date order. */
export async function readCalendarDays(db: Kysely<Database>, year?: number): Promise<CalendarDay[]> {
  let q = db.selectFrom('calendar_days').select(['date', 'kind', 'name']);
  if (year !== undefined) q = q.where('year', '=', year);
  return q.orderBy('date').execute();
}

/** Bumps `calendar_version` inside the changing transaction, so every process reloads the calendar. */
export async function bumpCalendarVersion(trx: Kysely<Database>): Promise<void> {
  await bumpCounter(trx, 'calendar_version');
}

import { calendarOfDays } from '@baton/engine';
import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';
import type { CalendarDay, CalendarSettings } from './days.ts';
import { bumpCalendarVersion, readCalendarDays, readCalendarSettings } from './store.ts';

export interface CalendarView extends CalendarSettings {
  /** Years with special dates stored. */
  years: number[];
}

export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

/** The working week, hours and offset, and which years have holidays stored. */
export async function getCalendar(rt: Runtime): Promise<CalendarView> {
  const db = rt.db.kysely;
  const [settings, years] = await Promise.all([readCalendarSettings(db), storedYears(db)]);
  return { ...settings, years };
}

/**
 * Replaces the working week, hours and UTC offset (administrators). Deadlines computed from now on use
 * them in every process (`calendar_version`); running timers keep the instants they were given.
 */
export async function updateCalendar(
  rt: Runtime,
  caller: Caller,
  settings: CalendarSettings,
): Promise<CalendarView> {
  demand(caller, 'manageOrganisation', 'changing the working calendar');
  await rt.db.kysely.transaction().execute(async (trx) => {
    check(settings, await readCalendarDays(trx), 'body');
    await trx
      .updateTable('settings')
      .set({ value: JSON.stringify(settings) })
      .where('key', '=', 'calendar')
      .execute();
    await bumpCalendarVersion(trx);
  });
  return getCalendar(rt);
}

export async function getCalendarYear(rt: Runtime, year: number): Promise<CalendarYear> {
  return { year, days: await readCalendarDays(rt.db.kysely, year) };
}

/** Replaces one year's holidays, moved working days and short days (administrators). */
export async function putCalendarYear(
  rt: Runtime,
  caller: Caller,
  year: number,
  days: readonly CalendarDay[],
): Promise<CalendarYear> {
  demand(caller, 'manageOrganisation', 'changing the working calendar');
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  days.forEach((d, i) => {
    const valid =
      !Number.isNaN(Date.parse(`${d.date}T00:00:00Z`)) &&
      new Date(`${d.date}T00:00:00Z`).toISOString().startsWith(d.date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.date) || !valid)
      errors.push({ path: `body.days.${i}.date`, message: 'a date YYYY-MM-DD' });
    else if (!d.date.startsWith(`${year}-`))
      errors.push({ path: `body.days.${i}.date`, message: `not in ${year}` });
    else if (seen.has(d.date))
      errors.push({ path: `body.days.${i}.date`, message: `${d.date} is listed twice` });
    seen.add(d.date);
  });
  if (errors.length > 0)
    throw new Unprocessable(
      errors.map((e) => `${e.path}: ${e.message}`).join('; '),
      errors,
      'INVALID_CALENDAR',
    );
  await rt.db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
    if (days.length > 0)
      await trx
        .insertInto('calendar_days')
        .values(days.map((d) => ({ date: d.date, year, kind: d.kind, name: d.name ?? null })))
        .execute();
    check(await readCalendarSettings(trx), await readCalendarDays(trx), 'body');
    await bumpCalendarVersion(trx);
  });
  return getCalendarYear(rt, year);
}

/** The engine refuses calendars it cannot compute with (no working weekday, start after end): a 422. */
function check(settings: CalendarSettings, days: readonly CalendarDay[], at: string): void {
  try {
    calendarOfDays(settings, days);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const message = error.message.replace(/^Work calendar: /, '');
    throw new Unprocessable(message, [{ path: at, message }], 'INVALID_CALENDAR');
  }
}

async function storedYears(db: Kysely<Database>): Promise<number[]> {
  const rows = await db.selectFrom('calendar_days').select('year').distinct().orderBy('year').execute();
  return rows.map((r) => Number(r.year));
}

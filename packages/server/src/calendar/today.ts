import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { readCalendarSettings } from './store.ts';

const DAY_MS = 86_400_000;

/**
 * The instant the company's current day ends (exclusive): midnight after `now` at the calendar's fixed
 * UTC offset. "Due today" means due before it.
 *
 * @example endOfDay(Date.parse('2029-12-31T22:00Z'), 180) // 2030-01-01T21:00Z: already 1 January in Moscow
 */
export function endOfDay(now: number, utcOffsetMinutes: number): number {
  const offset = utcOffsetMinutes * 60_000;
  return Math.floor((now + offset) / DAY_MS) * DAY_MS + DAY_MS - offset;
}

/** `endOfDay` with the stored calendar's offset. */
export async function endOfToday(db: Kysely<Database>, now: number): Promise<number> {
  return endOfDay(now, (await readCalendarSettings(db)).utcOffsetMinutes);
}

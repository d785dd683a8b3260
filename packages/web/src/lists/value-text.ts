import type { ListField, RecordValue } from '../api/lists.ts';

type Words = (key: 'record.yes' | 'record.no') => string;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A record's value as a reader reads it: a dash for none, yes or no, a date and a number in the
 * interface language, an employee by name (`name`: useUserNames); text as it is.
 */
export function valueText(
  field: Pick<ListField, 'type'>,
  value: RecordValue | undefined,
  t: Words,
  language: string,
  name: (id: string) => string,
): string {
  if (value === undefined || value === null || value === '') return '—';
  if (field.type === 'user' && typeof value === 'string') return name(value);
  if (typeof value === 'boolean') return t(value ? 'record.yes' : 'record.no');
  if (typeof value === 'number') return new Intl.NumberFormat(language).format(value);
  // A date is a calendar day, not an instant: read in UTC, it is the same day in every time zone.
  if (field.type === 'date' && DAY.test(value))
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(value),
    );
  return value;
}

/**
 * An instant as a `datetime-local` input holds it, in the browser's time zone: `2026-05-12T14:05`; ''
 * for none (or text that is no instant).
 */
export function localDateTimeInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** The instant a date input and a time input mean in the browser's time zone; null while either is empty. */
export function instantOfLocal(date: string, time: string): string | null {
  if (!date || !time) return null;
  // Without an offset the Date constructor reads date-time text as local time.
  const instant = new Date(`${date}T${time}`);
  return Number.isNaN(instant.getTime()) ? null : instant.toISOString();
}

/** The calendar day of an instant in a time zone, as `2026-05-12` (comparable as text). */
export function dayIn(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The time zone the browser shows times in (the reader's). */
export const readerTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

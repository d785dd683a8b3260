import type { TFunction } from 'i18next';

/** The units the robot form offers: a delay it edits is a whole number of one of them. */
export const DELAY_UNITS = ['hours', 'days', 'weeks'] as const;
export type DelayUnit = (typeof DELAY_UNITS)[number];

/** When a robot acts once a deal enters its stage: at once, or after so long if the deal is still there. */
export type Delay = { kind: 'now' } | { kind: 'after'; amount: number; unit: DelayUnit };

/** Every part an ISO 8601 duration may have, largest first (the engine reads the same ones). */
const PARTS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof PARTS)[number];
export interface DurationPart {
  unit: DurationUnit;
  count: number;
}

const ISO_DURATION =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;

const WRITE: Record<DelayUnit, (n: number) => string> = {
  hours: (n) => `PT${n}H`,
  days: (n) => `P${n}D`,
  weeks: (n) => `P${n}W`,
};
const HOURS: Partial<Record<DurationUnit, number>> = { weeks: 168, days: 24, hours: 1 };

/** The delay as the server stores it: `null` for at once, else `P3D`, `PT4H`, `P2W`. */
export function delayToIso(delay: Delay): string | null {
  return delay.kind === 'now' ? null : WRITE[delay.unit](delay.amount);
}

/**
 * The non-zero parts of an ISO 8601 duration, largest first (`P1DT12H` → 1 day, 12 hours); `null` for
 * text that is not one.
 */
export function durationParts(iso: string): DurationPart[] | null {
  const text = iso.trim().toUpperCase();
  const match = ISO_DURATION.exec(text);
  if (!match || text.endsWith('T') || match.slice(1).every((part) => part === undefined)) return null;
  return PARTS.flatMap((unit, i) => {
    const count = Number((match[i + 1] ?? '0').replace(',', '.'));
    return count === 0 ? [] : [{ unit, count }];
  });
}

/**
 * A stored delay as the form edits it: `null` is at once, `P7D` 7 days; whole weeks, days and hours
 * together as hours (`P1DT12H` → 36 hours). `null` for one the form cannot show as a number and a unit
 * (`P1M`, `PT30M`): it is kept as stored.
 */
export function delayFromIso(iso: string | null): Delay | null {
  if (iso === null) return { kind: 'now' };
  const parts = durationParts(iso);
  if (parts === null || parts.some((p) => !Number.isInteger(p.count) || HOURS[p.unit] === undefined))
    return null;
  const [only] = parts;
  if (parts.length === 0) return { kind: 'after', amount: 0, unit: 'days' };
  if (parts.length === 1 && only) return { kind: 'after', amount: only.count, unit: only.unit as DelayUnit };
  return {
    kind: 'after',
    amount: parts.reduce((sum, p) => sum + p.count * (HOURS[p.unit] ?? 0), 0),
    unit: 'hours',
  };
}

/** A duration in words, "7 days", "1 day 12 hours" / "7 дней", "1 день 12 часов"; the text itself when it is not one. */
export function describeDuration(iso: string, t: TFunction): string {
  const parts = durationParts(iso);
  if (parts === null) return iso;
  return parts.map((p) => t(`robots:units.${p.unit}`, { count: p.count })).join(' ');
}

/** When a robot acts, in words: "At once", "After 7 days at the stage" / "Сразу", "Через 7 дней на стадии". */
export function describeDelay(iso: string | null, t: TFunction): string {
  if (iso === null || durationParts(iso)?.length === 0) return t('robots:when.now');
  return t('robots:when.after', { duration: describeDuration(iso, t) });
}

/** When what an activity robot plans is due, in words: "due in 1 day" / "срок — через 1 день". */
export function describeDue(iso: string | null, t: TFunction): string {
  if (iso === null || durationParts(iso)?.length === 0) return t('robots:due.now');
  return t('robots:due.after', { duration: describeDuration(iso, t) });
}

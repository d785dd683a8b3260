import { parseDuration } from '@baton/engine';

/** Units the duration input offers; an ISO 8601 duration of one of them is edited as number + unit. */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

const WRITE: Record<DurationUnit, (n: number) => string> = {
  minutes: (n) => `PT${n}M`,
  hours: (n) => `PT${n}H`,
  days: (n) => `P${n}D`,
  weeks: (n) => `P${n}W`,
};

/** `P3D` → 3 days; null for a duration that is not a whole number of one unit (edited as text then). */
export function splitDuration(iso: string | undefined): { amount: number; unit: DurationUnit } | null {
  if (!iso) return null;
  const m = /^P(?:(\d+)W|(\d+)D|T(\d+)H|T(\d+)M)$/.exec(iso.trim());
  if (!m) return null;
  if (m[1]) return { amount: Number(m[1]), unit: 'weeks' };
  if (m[2]) return { amount: Number(m[2]), unit: 'days' };
  if (m[3]) return { amount: Number(m[3]), unit: 'hours' };
  return { amount: Number(m[4]), unit: 'minutes' };
}

export function joinDuration(amount: number, unit: DurationUnit): string {
  return WRITE[unit](Math.max(0, Math.round(amount)));
}

/** True for a valid ISO 8601 duration, as the engine reads it. */
export function isDuration(text: string): boolean {
  try {
    parseDuration(text);
    return true;
  } catch {
    return false;
  }
}

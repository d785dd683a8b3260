import type { TFunction } from 'i18next';

/** A date and time in the interface language, e.g. "12 мая 2026 г., 14:05" / "May 12, 2026, 2:05 PM". */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso));
}

const UNITS = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
] as const;

/** A duration as its two largest units ("2 d 3 h", "5 min"); under a second is "< 1 s". */
export function formatDuration(ms: number, t: TFunction): string {
  if (ms < 1000) return t('common:duration.lessThanSecond');
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(t(`common:duration.${unit}`, { count: n }));
    if (parts.length === 2) break;
  }
  return parts.filter((p) => !p.startsWith('0')).join(' ');
}

const KIB = 1024;

/** A file's size in the interface language: "512 bytes", "12.3 kB", "1,5 МБ" (1 kB = 1024 bytes). */
export function formatFileSize(bytes: number, language: string): string {
  const [unit, value, display] =
    bytes < KIB
      ? (['byte', bytes, 'long'] as const)
      : bytes < KIB * KIB
        ? (['kilobyte', bytes / KIB, 'short'] as const)
        : (['megabyte', bytes / (KIB * KIB), 'short'] as const);
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    unitDisplay: display,
    maximumFractionDigits: 1,
  }).format(value);
}

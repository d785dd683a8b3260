/** UTC offsets in use around the world: every half hour, and the three at 45 minutes past. */
export const UTC_OFFSETS: readonly number[] = [
  ...Array.from({ length: (840 + 720) / 30 + 1 }, (_, i) => -720 + i * 30),
  345,
  525,
  765,
].sort((a, b) => a - b);

/** `UTC+03:00`, `UTC−09:30`. */
export function offsetLabel(minutes: number): string {
  const sign = minutes < 0 ? '−' : '+';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

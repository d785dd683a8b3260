import { Duration as CelDuration, UnsignedInt } from '@marcbachmann/cel-js/evaluator';
import { isoDateTime } from './dates.ts';
import { formatDurationMs } from './duration.ts';

/**
 * Values crossing the CEL boundary. In: variables come from JSON, so numbers are JS numbers (CEL
 * `double`); only names declared `int` must be BigInt. Out: CEL integers are BigInt, timestamps are
 * Dates and durations are cel-js objects; callers get plain JSON-like values instead.
 */

/**
 * Returns `values` with the named integer numbers turned into BigInt, copying only when one changes.
 * Non-integer numbers are left alone so CEL reports the type mismatch.
 */
export function withBigInts(
  values: Record<string, unknown>,
  intNames: readonly string[],
): Record<string, unknown> {
  let out = values;
  for (const name of intNames) {
    const value = values[name];
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (out === values) out = { ...values };
      out[name] = BigInt(value);
    }
  }
  return out;
}

/**
 * A CEL result as a plain value: BigInt and uint → number, timestamp → ISO date-time string,
 * duration → ISO duration string (`PT1H30M`), Map → object; lists and maps are converted deeply.
 * Containers are copied only when something inside changes, so values passed in come back as is.
 */
export function fromCel(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return Number(value);
    case 'object':
      return value === null ? null : fromCelObject(value);
    default:
      return value;
  }
}

function fromCelObject(value: object): unknown {
  if (Array.isArray(value)) return mapArray(value);
  if (value instanceof Date) return isoDateTime(value.getTime());
  if (value instanceof CelDuration) return formatDurationMs(value.valueOf());
  if (value instanceof UnsignedInt) return Number(value.valueOf());
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of value) out[String(key)] = fromCel(item);
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return mapRecord(value as Record<string, unknown>);
  return value;
}

function mapArray(items: unknown[]): unknown[] {
  let out = items;
  for (let i = 0; i < items.length; i++) {
    const converted = fromCel(items[i]);
    if (converted !== items[i]) {
      if (out === items) out = items.slice();
      out[i] = converted;
    }
  }
  return out;
}

function mapRecord(record: Record<string, unknown>): Record<string, unknown> {
  let out = record;
  for (const key of Object.keys(record)) {
    const converted = fromCel(record[key]);
    if (converted !== record[key]) {
      if (out === record) out = { ...record };
      out[key] = converted;
    }
  }
  return out;
}

/**
 * How a plain value reads inside a template: null/undefined → '', lists joined with ', ',
 * maps as JSON, everything else through `String`.
 */
export function toTemplateText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toTemplateText).join(', ');
  if (typeof value === 'object' && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return String(value);
}

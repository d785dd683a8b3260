import type { Field } from '../model/fields.ts';
import { EventRejected } from './errors.ts';

const CHECKS: Record<Field['type'], (v: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  text: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  money: (v) => typeof v === 'number' && Number.isFinite(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  datetime: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  select: (v) => typeof v === 'string',
  multiselect: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  user: (v) => typeof v === 'string',
  users: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  department: (v) => typeof v === 'string',
  file: (v) => typeof v === 'string',
  documentLink: (v) => typeof v === 'string',
  json: () => true,
};

const isBlank = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

/** One value that does not fit its declaration, with its path (`params.days`, `variables.amount`). */
export interface ValueProblem {
  path: string;
  message: string;
}

/**
 * Checks values against field declarations: unknown names, wrong types, options; with `partial: false`
 * also missing required fields (blank text and empty lists are missing too), and declared defaults fill
 * the gaps. Returns the accepted values.
 */
export function validateValues(
  fields: readonly Field[],
  values: Record<string, unknown>,
  options: { prefix: string; partial: boolean },
): { values: Record<string, unknown>; problems: ValueProblem[] } {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems: ValueProblem[] = [];
  const at = (name: string) => `${options.prefix}.${name}`;
  for (const name of Object.keys(values)) {
    if (!byId.has(name)) problems.push({ path: at(name), message: 'not declared by this process' });
  }
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const given = Object.hasOwn(values, f.id) ? values[f.id] : undefined;
    const value = given ?? (options.partial ? undefined : f.default);
    if (value === undefined || value === null) {
      if (f.required && !options.partial) problems.push({ path: at(f.id), message: 'required' });
      if (given === null) out[f.id] = null;
      continue;
    }
    // A blank text, a file or a person not chosen, no item picked: what a form sends for an unfilled field.
    if (f.required && !options.partial && isBlank(value)) {
      problems.push({ path: at(f.id), message: 'required' });
      continue;
    }
    if (!CHECKS[f.type](value))
      problems.push({ path: at(f.id), message: `expected ${f.type}, got ${JSON.stringify(value)}` });
    const allowed = f.options?.map((o) => o.value);
    const chosen = Array.isArray(value) ? value : [value];
    if (
      allowed &&
      (f.type === 'select' || f.type === 'multiselect') &&
      chosen.some((v) => !allowed.includes(String(v)))
    ) {
      problems.push({
        path: at(f.id),
        message: `${JSON.stringify(value)} is not one of ${allowed.join(', ')}`,
      });
    }
    out[f.id] = value;
  }
  return { values: out, problems };
}

/** Start parameters checked against the declaration; any problem rejects the start. */
export function checkParams(
  fields: readonly Field[],
  params: Record<string, unknown>,
): Record<string, unknown> {
  const { values, problems } = validateValues(fields, params, { prefix: 'params', partial: false });
  if (problems.length > 0) {
    throw new EventRejected(
      'INVALID_PARAMS',
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
    );
  }
  return values;
}

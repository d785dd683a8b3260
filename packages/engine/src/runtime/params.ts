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

/** Start parameters checked against the declaration: unknown names, missing required ones, wrong types, bad options. */
export function checkParams(
  fields: readonly Field[],
  params: Record<string, unknown>,
): Record<string, unknown> {
  const byId = new Map(fields.map((f) => [f.id, f]));
  const problems: string[] = [];
  for (const name of Object.keys(params))
    if (!byId.has(name)) problems.push(`params.${name}: not a parameter of this process`);
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const value = params[f.id] ?? f.default;
    if (value === undefined || value === null) {
      if (f.required) problems.push(`params.${f.id}: required`);
      continue;
    }
    if (!CHECKS[f.type](value))
      problems.push(`params.${f.id}: expected ${f.type}, got ${JSON.stringify(value)}`);
    const options = f.options?.map((o) => o.value);
    const chosen = Array.isArray(value) ? value : [value];
    if (
      options &&
      (f.type === 'select' || f.type === 'multiselect') &&
      chosen.some((v) => !options.includes(String(v)))
    ) {
      problems.push(`params.${f.id}: ${JSON.stringify(value)} is not one of ${options.join(', ')}`);
    }
    out[f.id] = value;
  }
  if (problems.length > 0) throw new EventRejected('INVALID_PARAMS', problems.join('; '));
  return out;
}

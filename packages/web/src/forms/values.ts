import type { Field } from '@baton/engine';

export type Values = Record<string, unknown>;

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);

/** Starting values: each field's declared default, if any. */
export function initialValues(fields: readonly Field[]): Values {
  const values: Values = {};
  for (const f of fields) if (f.default !== undefined) values[f.id] = f.default;
  return values;
}

/** The fields the browser can already tell are missing (required and empty; a checkbox is never empty). */
export function missingRequired(fields: readonly Field[], values: Values): string[] {
  return fields.filter((f) => f.required && f.type !== 'boolean' && isEmpty(values[f.id])).map((f) => f.id);
}

/** The values to send: empty optional fields are left out rather than sent as "". */
export function valuesToSend(fields: readonly Field[], values: Values): Values {
  const out: Values = {};
  for (const f of fields) {
    const value = values[f.id];
    if (!isEmpty(value)) out[f.id] = value;
    else if (f.type === 'boolean' && value !== undefined) out[f.id] = value;
  }
  return out;
}

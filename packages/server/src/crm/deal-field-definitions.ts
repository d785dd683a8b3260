import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';
import type { DealFields } from './deal-rows.ts';

export const DEAL_FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'select'] as const;
export type DealFieldType = (typeof DEAL_FIELD_TYPES)[number];

export interface DealFieldDefinition {
  key: string;
  label: string;
  type: DealFieldType;
  /** A select's options, in order; empty for other types. */
  options: string[];
  /** Every deal must have it filled. */
  required: boolean;
  /** The stages at which it must be filled (a deal cannot reach them without it). */
  requiredAtStages: string[];
}

/** The fields companies added to deals, in order; stage ids of removed stages left out. */
export async function listDealFields(db: Kysely<Database>): Promise<DealFieldDefinition[]> {
  const [rows, stages] = await Promise.all([
    db.selectFrom('crm_deal_fields').selectAll().orderBy('sort').execute(),
    db.selectFrom('crm_stages').select('id').execute(),
  ]);
  const known = new Set(stages.map((s) => s.id));
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    type: r.type as DealFieldType,
    options: JSON.parse(r.options) as string[],
    required: r.required === 1,
    requiredAtStages: (JSON.parse(r.required_stages) as string[]).filter((id) => known.has(id)),
  }));
}

/** Replaces the list of deal fields (`manageCrm`). Values deals already hold stay in their `fields`. */
export async function replaceDealFields(
  rt: Runtime,
  caller: Caller,
  fields: DealFieldDefinition[],
): Promise<DealFieldDefinition[]> {
  demand(caller, 'manageCrm', 'changing deal fields');
  await rt.db.kysely.transaction().execute(async (trx) => {
    await checkDefinitions(trx, fields);
    await trx.deleteFrom('crm_deal_fields').execute();
    if (fields.length > 0)
      await trx
        .insertInto('crm_deal_fields')
        .values(
          fields.map((f, sort) => ({
            key: f.key,
            label: f.label,
            type: f.type,
            options: JSON.stringify(f.type === 'select' ? f.options : []),
            required: f.required ? 1 : 0,
            required_stages: JSON.stringify(f.requiredAtStages),
            sort,
          })),
        )
        .execute();
  });
  return listDealFields(rt.db.kysely);
}

async function checkDefinitions(db: Kysely<Database>, fields: DealFieldDefinition[]): Promise<void> {
  const errors: { path: string; message: string }[] = [];
  const stages = new Set((await db.selectFrom('crm_stages').select('id').execute()).map((s) => s.id));
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    if (keys.has(f.key)) errors.push({ path: `body.items.${i}.key`, message: `${f.key} is used twice` });
    keys.add(f.key);
    if (f.type === 'select' && f.options.length === 0)
      errors.push({ path: `body.items.${i}.options`, message: 'a list needs its options' });
    if (new Set(f.options).size !== f.options.length)
      errors.push({ path: `body.items.${i}.options`, message: 'an option is given twice' });
    f.requiredAtStages.forEach((id, j) => {
      if (!stages.has(id))
        errors.push({ path: `body.items.${i}.requiredAtStages.${j}`, message: `there is no stage ${id}` });
    });
  });
  if (errors.length > 0)
    throw new Unprocessable(`the deal fields do not fit: ${describe(errors)}`, errors, 'INVALID_FIELDS');
}

const describe = (errors: { path: string; message: string }[]) =>
  errors.map((e) => `${e.path}: ${e.message}`).join('; ');

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function typeProblem(f: DealFieldDefinition, v: unknown): string | null {
  if (v === null) return null;
  switch (f.type) {
    case 'string':
      return typeof v === 'string' ? null : 'must be a text';
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number';
    case 'boolean':
      return typeof v === 'boolean' ? null : 'must be true or false';
    case 'date':
      return typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))
        ? null
        : 'must be a date (YYYY-MM-DD)';
    case 'select':
      return typeof v === 'string' && f.options.includes(v) ? null : `must be one of ${f.options.join(', ')}`;
  }
}

/** What is wrong with a deal's `fields` at `stage` by the company's fields: each by key, with its words. */
export function dealValueProblems(
  definitions: readonly DealFieldDefinition[],
  stage: { id: string; name: string },
  fields: DealFields,
): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const f of definitions) {
    const value = fields[f.key];
    const wrong = value === undefined ? null : typeProblem(f, value);
    if (wrong) problems.push({ key: f.key, message: `${f.label} ${wrong}` });
    else if (isEmpty(value) && f.required)
      problems.push({ key: f.key, message: `${f.label} must be filled` });
    else if (isEmpty(value) && f.requiredAtStages.includes(stage.id))
      problems.push({ key: f.key, message: `${f.label} must be filled at the stage ${stage.name}` });
  }
  return problems;
}

/**
 * A deal about to be written at `stage` with `fields` fits the company's fields: each value of its type,
 * and those required (always, or at that stage) filled. 422 `INVALID_FIELDS` naming each at
 * `body.fields.<key>`.
 */
export async function checkDealValues(
  db: Kysely<Database>,
  stage: { id: string; name: string },
  fields: DealFields,
): Promise<void> {
  const errors = dealValueProblems(await listDealFields(db), stage, fields).map((p) => ({
    path: `body.fields.${p.key}`,
    message: p.message,
  }));
  if (errors.length > 0) throw new Unprocessable(describe(errors), errors, 'INVALID_FIELDS');
}

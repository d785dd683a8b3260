import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';
import { itemFileFields } from '../uploads/file-fields.ts';
import { type FileSource, fileValueProblems, linkFiles } from '../uploads/store.ts';
import type { DealFields } from './deal-rows.ts';

/**
 * `user`: an employee, kept as their id (a process reads it as one, e.g. to hand them a task); `file`: an
 * upload's id (POST /uploads), the file then held by the item for whoever reads it.
 */
export const FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'select', 'user', 'file'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** The kinds of CRM items a company adds its own fields to. */
export const FIELD_ENTITIES = ['deal', 'lead', 'contact', 'company'] as const;
export type FieldEntity = (typeof FIELD_ENTITIES)[number];

export interface FieldDefinition {
  key: string;
  label: string;
  type: FieldType;
  /** A select's options, in order; empty for other types. */
  options: string[];
  /** Every item of its kind must have it filled. */
  required: boolean;
  /** The stages at which a deal's or lead's must be filled (it cannot reach them without it). */
  requiredAtStages: string[];
}

/** A field as anything with no stages has it (a list's). */
export type PlainField = Omit<FieldDefinition, 'requiredAtStages'>;

/** The fields the company added to items of `entity`, in order; stage ids of removed stages left out. */
export async function listFields(db: Kysely<Database>, entity: FieldEntity): Promise<FieldDefinition[]> {
  const [rows, stages] = await Promise.all([
    db.selectFrom('crm_fields').selectAll().where('entity', '=', entity).orderBy('sort').execute(),
    db.selectFrom('crm_stages').select('id').execute(),
  ]);
  const known = new Set(stages.map((s) => s.id));
  return rows.map((r) => ({
    key: r.key,
    label: r.label,
    type: r.type as FieldType,
    options: JSON.parse(r.options) as string[],
    required: r.required === 1,
    requiredAtStages: (JSON.parse(r.required_stages) as string[]).filter((id) => known.has(id)),
  }));
}

/** Replaces the fields of `entity` (`manageCrm`). Values items already hold stay in their `fields`. */
export async function replaceFields(
  rt: Runtime,
  caller: Caller,
  entity: FieldEntity,
  fields: FieldDefinition[],
): Promise<FieldDefinition[]> {
  demand(caller, 'manageCrm', `changing ${entity} fields`);
  await rt.db.kysely.transaction().execute(async (trx) => {
    await checkDefinitions(trx, entity, fields);
    await trx.deleteFrom('crm_fields').where('entity', '=', entity).execute();
    if (fields.length > 0)
      await trx
        .insertInto('crm_fields')
        .values(
          fields.map((f, sort) => ({
            entity,
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
  return listFields(rt.db.kysely, entity);
}

/** Deals and leads move along pipelines, so their fields may be required at stages. */
const PIPELINED = new Set<FieldEntity>(['deal', 'lead']);

/** What is wrong with a set of field definitions at `path` whatever they belong to: keys twice, options. */
export function definitionProblems(
  fields: readonly PlainField[],
  path: string,
): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    if (keys.has(f.key)) errors.push({ path: `${path}.${i}.key`, message: `${f.key} is used twice` });
    keys.add(f.key);
    if (f.type === 'select' && f.options.length === 0)
      errors.push({ path: `${path}.${i}.options`, message: 'a list needs its options' });
    if (new Set(f.options).size !== f.options.length)
      errors.push({ path: `${path}.${i}.options`, message: 'an option is given twice' });
  });
  return errors;
}

async function checkDefinitions(db: Kysely<Database>, entity: FieldEntity, fields: FieldDefinition[]) {
  // A field is required at stages of its own kind's pipelines.
  const stages = new Set(
    (
      await db
        .selectFrom('crm_stages as s')
        .innerJoin('crm_pipelines as p', 'p.id', 's.pipeline_id')
        .select('s.id')
        .where('p.entity', '=', entity)
        .execute()
    ).map((s) => s.id),
  );
  const errors = definitionProblems(fields, 'body.items');
  fields.forEach((f, i) => {
    if (!PIPELINED.has(entity) && f.requiredAtStages.length > 0)
      errors.push({ path: `body.items.${i}.requiredAtStages`, message: `a ${entity} has no stages` });
    f.requiredAtStages.forEach((id, j) => {
      if (!stages.has(id))
        errors.push({ path: `body.items.${i}.requiredAtStages.${j}`, message: `there is no stage ${id}` });
    });
  });
  if (errors.length > 0)
    throw new Unprocessable(`the ${entity} fields do not fit: ${describe(errors)}`, errors, 'INVALID_FIELDS');
}

export const describe = (errors: { path: string; message: string }[]) =>
  errors.map((e) => `${e.path}: ${e.message}`).join('; ');

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function typeProblem(f: PlainField, v: unknown): string | null {
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
    case 'user':
      return typeof v === 'string' ? null : "must be an employee's id";
    case 'file':
      return typeof v === 'string' ? null : "must be an uploaded file's id";
  }
}

/** Values of `user` fields that name no active employee: each by key, with its words. */
export async function employeeProblems(
  db: Kysely<Database>,
  definitions: readonly PlainField[],
  values: DealFields,
): Promise<{ key: string; message: string }[]> {
  const named = definitions
    .filter((f) => f.type === 'user' && typeof values[f.key] === 'string' && values[f.key] !== '')
    .map((f) => ({ f, id: values[f.key] as string }));
  if (named.length === 0) return [];
  const active = new Set(
    (
      await db
        .selectFrom('users')
        .select('id')
        .where(
          'id',
          'in',
          named.map((n) => n.id),
        )
        .where('active', '=', 1)
        .execute()
    ).map((u) => u.id),
  );
  return named
    .filter((n) => !active.has(n.id))
    .map((n) => ({ key: n.f.key, message: `${n.f.label}: there is no active employee ${n.id}` }));
}

/**
 * What is wrong with an item's `fields` by the company's fields (at `stage`, for a deal or lead): each by
 * key, with its words.
 */
export function fieldValueProblems(
  definitions: readonly (PlainField & { requiredAtStages?: string[] })[],
  stage: { id: string; name: string } | null,
  fields: DealFields,
): { key: string; message: string }[] {
  const problems: { key: string; message: string }[] = [];
  for (const f of definitions) {
    const value = fields[f.key];
    const wrong = value === undefined ? null : typeProblem(f, value);
    if (wrong) problems.push({ key: f.key, message: `${f.label} ${wrong}` });
    else if (isEmpty(value) && f.required)
      problems.push({ key: f.key, message: `${f.label} must be filled` });
    else if (isEmpty(value) && stage && f.requiredAtStages?.includes(stage.id))
      problems.push({ key: f.key, message: `${f.label} must be filled at the stage ${stage.name}` });
  }
  return problems;
}

/** The item a write is for (`deal:<id>`, …) and whose files its `file` fields may name (uploads/store.ts). */
export interface ItemFiles {
  owner: string;
  source: FileSource;
}

/**
 * An item about to be written with `fields` (at `stage`, a deal or lead) fits the company's fields for
 * its kind: each value of its type, those required (always, or at that stage) filled, employees and
 * files that are there. 422 `INVALID_FIELDS` naming each at `body.fields.<key>`. The files then belong
 * to the item.
 */
export async function checkFieldValues(
  db: Kysely<Database>,
  entity: FieldEntity,
  stage: { id: string; name: string } | null,
  fields: DealFields,
  files: ItemFiles,
): Promise<void> {
  const definitions = await listFields(db, entity);
  const fileKeys = itemFileFields(definitions);
  const errors = [
    ...[
      ...fieldValueProblems(definitions, stage, fields),
      ...(await employeeProblems(db, definitions, fields)),
    ].map((p) => ({ path: `body.fields.${p.key}`, message: p.message })),
    ...(await fileValueProblems(db, fileKeys, fields, files.source, 'body.fields')),
  ];
  if (errors.length > 0) throw new Unprocessable(describe(errors), errors, 'INVALID_FIELDS');
  await linkFiles(db, files.owner, fileKeys, fields);
}

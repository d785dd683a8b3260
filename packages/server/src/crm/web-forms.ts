import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { CrmWebFormsTable, Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { insertDeal } from './deals.ts';
import { badReference, checkResponsible } from './references.ts';
import { systemCaller } from './system-caller.ts';

/** What a form may ask of a visitor: a lead's details. */
export const FORM_FIELDS = ['name', 'companyTitle', 'phone', 'email', 'comment'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormFieldSpec {
  field: FormField;
  label: string;
  required: boolean;
}

export interface WebFormInput {
  name: string;
  title: string;
  fields: FormFieldSpec[];
  successText: string;
  pipelineId: string;
  responsibleId: string;
  active?: boolean | undefined;
}

export interface WebFormView extends Required<WebFormInput> {
  id: string;
  token: string;
  createdAt: string;
  updatedAt: string;
}

/** Submissions one address may make to one form in a window: enough for a person, not for a script. */
export const SUBMISSION_LIMIT = { count: 5, windowMs: 10 * 60 * 1000 };

const view = (r: CrmWebFormsTable): WebFormView => ({
  id: r.id,
  token: r.token,
  name: r.name,
  title: r.title,
  fields: JSON.parse(r.fields) as FormFieldSpec[],
  successText: r.success_text,
  pipelineId: r.pipeline_id,
  responsibleId: r.responsible_id,
  active: r.active === 1,
  createdAt: toIso(r.created_at),
  updatedAt: toIso(r.updated_at),
});

export async function listWebForms(rt: Runtime, caller: Caller): Promise<WebFormView[]> {
  demand(caller, 'manageCrm', 'web forms');
  const rows = await rt.db.kysely.selectFrom('crm_web_forms').selectAll().orderBy('created_at').execute();
  return rows.map(view);
}

/** A form makes leads on a lead pipeline, for an active user, asking at least one way to reach the visitor. */
async function checkForm(db: Kysely<Database>, input: WebFormInput): Promise<void> {
  const pipeline = await db
    .selectFrom('crm_pipelines')
    .select('id')
    .where('id', '=', input.pipelineId)
    .where('entity', '=', 'lead')
    .executeTakeFirst();
  if (!pipeline) throw badReference('body.pipelineId', `there is no lead pipeline ${input.pipelineId}`);
  await checkResponsible(db, input.responsibleId, 'body.responsibleId');
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  input.fields.forEach((f, i) => {
    if (seen.has(f.field))
      errors.push({ path: `body.fields.${i}.field`, message: `${f.field} is asked twice` });
    seen.add(f.field);
  });
  if (!input.fields.some((f) => f.field === 'name' || f.field === 'phone' || f.field === 'email'))
    errors.push({ path: 'body.fields', message: 'a form asks at least a name, a phone or an e-mail' });
  if (errors.length > 0)
    throw new Unprocessable(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors, 'INVALID_FORM');
}

const columns = (input: WebFormInput) => ({
  name: input.name,
  title: input.title,
  fields: JSON.stringify(input.fields),
  success_text: input.successText,
  pipeline_id: input.pipelineId,
  responsible_id: input.responsibleId,
  active: input.active === false ? 0 : 1,
});

export async function createWebForm(rt: Runtime, caller: Caller, input: WebFormInput): Promise<WebFormView> {
  demand(caller, 'manageCrm', 'web forms');
  await checkForm(rt.db.kysely, input);
  const now = rt.now();
  const row = {
    id: newRowId(),
    token: randomBytes(18).toString('base64url'),
    ...columns(input),
    created_at: now,
    updated_at: now,
  };
  await rt.db.kysely.insertInto('crm_web_forms').values(row).execute();
  return view(row);
}

export async function updateWebForm(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: WebFormInput,
): Promise<WebFormView> {
  demand(caller, 'manageCrm', 'web forms');
  const db = rt.db.kysely;
  const form = await db.selectFrom('crm_web_forms').selectAll().where('id', '=', id).executeTakeFirst();
  if (!form) throw new NotFound('web form', id);
  await checkForm(db, input);
  const changed = { ...form, ...columns(input), updated_at: rt.now() };
  await db.updateTable('crm_web_forms').set(changed).where('id', '=', id).execute();
  return view(changed);
}

export async function deleteWebForm(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'web forms');
  const gone = await rt.db.kysely.deleteFrom('crm_web_forms').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new NotFound('web form', id);
  await rt.db.kysely.deleteFrom('crm_form_submissions').where('form_id', '=', id).execute();
}

/** An active form by its token, as visitors see it; 404 for any other token. */
export async function publicForm(
  rt: Runtime,
  token: string,
): Promise<Pick<WebFormView, 'title' | 'fields' | 'successText'>> {
  const form = await activeForm(rt.db.kysely, token);
  return {
    title: form.title,
    fields: JSON.parse(form.fields) as FormFieldSpec[],
    successText: form.success_text,
  };
}

async function activeForm(db: Kysely<Database>, token: string): Promise<CrmWebFormsTable> {
  const form = await db
    .selectFrom('crm_web_forms')
    .selectAll()
    .where('token', '=', token)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!form) throw new NotFound('form', token);
  return form;
}

/** Too many submissions from one address: 429 with `Retry-After`. */
export class TooManySubmissions extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_SUBMISSIONS';
  constructor(readonly retryAfterSeconds: number) {
    super(`too many submissions from this address; try again in ${retryAfterSeconds} s`);
    this.name = 'TooManySubmissions';
  }
}

/**
 * A visitor's submission: the lead it makes (source "web form: <name>", led by the form's person, at its
 * pipeline's first stage — whose robots act, e.g. telling the manager at once), counted against the
 * visitor's address. What the form does not ask is ignored; what it needs must be there (422 at
 * `body.values.<field>`).
 */
export async function submitForm(
  rt: Runtime,
  token: string,
  values: Partial<Record<FormField, string>>,
  address: string,
): Promise<{ successText: string }> {
  const db = rt.db.kysely;
  const form = await activeForm(db, token);
  const fields = JSON.parse(form.fields) as FormFieldSpec[];
  const given = Object.fromEntries(
    fields.flatMap((f) => {
      const value = values[f.field]?.trim();
      return value ? [[f.field, value]] : [];
    }),
  ) as Partial<Record<FormField, string>>;
  const missing = fields.filter((f) => f.required && !given[f.field]);
  if (missing.length > 0)
    throw new Unprocessable(
      `fill in ${missing.map((f) => f.label).join(', ')}`,
      missing.map((f) => ({ path: `body.values.${f.field}`, message: `${f.label} is needed` })),
      'FORM_INCOMPLETE',
    );
  if (!given.name && !given.phone && !given.email && !given.companyTitle)
    throw new Unprocessable(
      'the form is empty',
      [{ path: 'body.values', message: 'the form is empty' }],
      'FORM_INCOMPLETE',
    );
  await db.transaction().execute(async (trx) => {
    const now = rt.now();
    const since = now - SUBMISSION_LIMIT.windowMs;
    await trx
      .deleteFrom('crm_form_submissions')
      .where('form_id', '=', form.id)
      .where('at', '<=', since)
      .execute();
    const recent = await trx
      .selectFrom('crm_form_submissions')
      .select('at')
      .where('form_id', '=', form.id)
      .where('address', '=', address)
      .orderBy('at')
      .execute();
    const oldest = recent[recent.length - SUBMISSION_LIMIT.count];
    if (oldest) throw new TooManySubmissions(Math.ceil((oldest.at + SUBMISSION_LIMIT.windowMs - now) / 1000));
    await trx.insertInto('crm_form_submissions').values({ form_id: form.id, address, at: now }).execute();
    const title =
      [given.name, given.companyTitle].filter(Boolean).join(', ') || given.phone || given.email || form.name;
    await insertDeal(
      rt,
      trx,
      systemCaller(`form:${form.id}`),
      {
        ...given,
        title,
        pipelineId: form.pipeline_id,
        responsibleId: form.responsible_id,
        source: `web form: ${form.name}`,
      },
      'lead',
    );
  });
  return { successText: form.success_text };
}

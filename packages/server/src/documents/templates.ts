import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { DocumentTemplatesTable } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { inspectDocx } from './docx-template.ts';
import { type DocumentFormat, FORMATS_OF, type TemplateKind } from './formats.ts';
import { TemplateProblem } from './template-problem.ts';
import { inspectText } from './text-template.ts';

export interface DocumentTemplateSummary {
  key: string;
  name: string;
  kind: TemplateKind;
  formats: DocumentFormat[];
  placeholders: string[];
  size: number;
  updatedAt: string;
  updatedBy: string | null;
}

export interface DocumentTemplateView extends DocumentTemplateSummary {
  text: string | null;
}

/** A template as uploaded: a DOCX file, or a text template. */
export type TemplateInput =
  | { name: string; kind: 'text'; text: string }
  | { name: string; kind: 'docx'; file: Buffer };

type Row = DocumentTemplatesTable;
/** What lists read: everything but the file and the text. */
const SUMMARY_COLUMNS = ['key', 'name', 'kind', 'placeholders', 'size', 'updated_by', 'updated_at'] as const;
type SummaryRow = Pick<Row, (typeof SUMMARY_COLUMNS)[number]>;

function summaryOf(row: SummaryRow): DocumentTemplateSummary {
  return {
    key: row.key,
    name: row.name,
    kind: row.kind,
    formats: [...FORMATS_OF[row.kind]],
    placeholders: JSON.parse(row.placeholders) as string[],
    size: row.size,
    updatedAt: toIso(row.updated_at),
    updatedBy: row.updated_by,
  };
}

export async function listTemplates(rt: Runtime): Promise<DocumentTemplateSummary[]> {
  const rows = await rt.db.kysely
    .selectFrom('document_templates')
    .select(SUMMARY_COLUMNS)
    .orderBy('name')
    .orderBy('key')
    .execute();
  return rows.map(summaryOf);
}

/** The stored template, or a 404. */
export async function templateRow(rt: Runtime, key: string): Promise<Row> {
  const row = await rt.db.kysely
    .selectFrom('document_templates')
    .selectAll()
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) throw new NotFound('document template', key);
  return row;
}

export async function getTemplate(rt: Runtime, key: string): Promise<DocumentTemplateView> {
  const row = await templateRow(rt, key);
  return { ...summaryOf(row), text: row.text };
}

/**
 * Saves a template under `key` (process administrators), replacing one there; checked first — a tag
 * that does not close, a file that is not a DOCX — so a process never meets a broken one (422 naming
 * each problem). Documents made earlier stay as they were made.
 */
export async function putTemplate(
  rt: Runtime,
  caller: Caller,
  key: string,
  input: TemplateInput,
): Promise<{ created: boolean; template: DocumentTemplateView }> {
  demand(caller, 'administerProcesses', 'editing document templates');
  const row: Row = {
    key,
    name: input.name,
    kind: input.kind,
    file: input.kind === 'docx' ? input.file : null,
    text: input.kind === 'text' ? input.text : null,
    placeholders: JSON.stringify(checkedNames(input)),
    size: input.kind === 'docx' ? input.file.length : Buffer.byteLength(input.text),
    updated_by: caller.userId,
    updated_at: rt.now(),
  };
  const created = await rt.db.kysely.transaction().execute(async (trx) => {
    const { key: _key, ...changes } = row;
    const updated = await trx
      .updateTable('document_templates')
      .set(changes)
      .where('key', '=', key)
      .executeTakeFirst();
    if (updated.numUpdatedRows > 0n) return false;
    // Another request may have created it meanwhile (PostgreSQL): the last one wins, as for a replace.
    await trx
      .insertInto('document_templates')
      .values(row)
      .onConflict((oc) => oc.column('key').doUpdateSet(changes))
      .execute();
    return true;
  });
  rt.log.info({ key, kind: input.kind, by: caller.userId }, 'document template saved');
  return { created, template: { ...summaryOf(row), text: row.text } };
}

/** The names a template reads, or a 422 naming each problem that keeps it from being used. */
function checkedNames(input: TemplateInput): string[] {
  try {
    return input.kind === 'docx' ? inspectDocx(input.file) : inspectText(input.text);
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    const path = input.kind === 'docx' ? 'body.content' : 'body.text';
    const problems = error.problems.length > 0 ? error.problems : [error.message];
    throw new Unprocessable(
      error.message,
      problems.map((message) => ({ path, message })),
      'INVALID_TEMPLATE',
    );
  }
}

/** Deletes a template (process administrators); documents made from it stay. */
export async function deleteTemplate(rt: Runtime, caller: Caller, key: string): Promise<void> {
  demand(caller, 'administerProcesses', 'deleting document templates');
  const deleted = await rt.db.kysely
    .deleteFrom('document_templates')
    .where('key', '=', key)
    .executeTakeFirst();
  if (deleted.numDeletedRows === 0n) throw new NotFound('document template', key);
  rt.log.info({ key, by: caller.userId }, 'document template deleted');
}

import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { findRow } from '../instances/service.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { type DocumentFormat, documentFileName } from './formats.ts';
import { documentRenderer } from './render-thread.ts';
import { TemplateProblem } from './template-problem.ts';
import { templateRow } from './templates.ts';

export interface DocumentView {
  id: string;
  instanceId: string;
  nodeId: string;
  templateKey: string;
  fileName: string;
  format: DocumentFormat;
  size: number;
  createdAt: string;
}

export interface DocumentFile {
  fileName: string;
  format: DocumentFormat;
  file: Buffer;
}

/** The documents an instance the caller sees has generated, newest first (404 for one they do not see). */
export async function instanceDocuments(
  rt: Runtime,
  caller: Caller,
  instanceId: string,
): Promise<DocumentView[]> {
  await findRow(rt, caller, instanceId);
  const rows = await rt.db.kysely
    .selectFrom('documents')
    .select(['id', 'instance_id', 'node_id', 'template_key', 'file_name', 'format', 'size', 'created_at'])
    .where('instance_id', '=', instanceId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    instanceId: r.instance_id,
    nodeId: r.node_id,
    templateKey: r.template_key,
    fileName: r.file_name,
    format: r.format,
    size: r.size,
    createdAt: toIso(r.created_at),
  }));
}

/** A generated document's file, for whoever sees its instance; anyone else gets the same 404 as for no such document. */
export async function documentFile(rt: Runtime, caller: Caller, id: string): Promise<DocumentFile> {
  const row = await rt.db.kysely
    .selectFrom('documents')
    .select(['instance_id', 'file_name', 'format', 'file'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFound('document', id);
  try {
    await findRow(rt, caller, row.instance_id);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound('document', id);
    throw error;
  }
  return { fileName: row.file_name, format: row.format, file: row.file };
}

/**
 * A template filled with sample data, to try it before a process uses it (process administrators);
 * what would fail a process's document is a 422 here.
 */
export async function previewDocument(
  rt: Runtime,
  caller: Caller,
  key: string,
  format: DocumentFormat,
  data: Record<string, unknown>,
): Promise<DocumentFile> {
  demand(caller, 'administerProcesses', 'trying document templates');
  const template = await templateRow(rt, key);
  const fileName = documentFileName(template.name, format);
  try {
    return { fileName, format, file: await documentRenderer.render(template, format, data, fileName) };
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    throw new Unprocessable(
      error.message,
      [{ path: 'body.format', message: error.message }],
      'INVALID_TEMPLATE',
    );
  }
}

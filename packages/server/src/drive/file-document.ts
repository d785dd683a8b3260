import type { Caller } from '../access/caller.ts';
import { badReference } from '../crm/references.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { readableFile } from './files.ts';

/** A process about a file of the drive carries `documentRef: "file:<id>"`. */
const FILE_REF = /^file:(.+)$/;

/**
 * The document a process started about a file reads — `name`, `folder`, `size`, `version`, `author`… —
 * or null for a reference to anything else. The starter must read the file: else 422 at
 * `body.documentRef`. A process cannot write to a file (it has no fields); its `setFields` values stay
 * in the process's own copy.
 */
export async function driveFileDocument(
  rt: Runtime,
  caller: Caller,
  documentRef: string | null,
): Promise<Record<string, unknown> | null> {
  const id = documentRef?.match(FILE_REF)?.[1];
  if (id === undefined) return null;
  try {
    const { file, folder } = await readableFile(rt.db.kysely, caller, id);
    return {
      id: file.id,
      name: file.name,
      folder: folder.name,
      folderId: folder.id,
      contentType: file.content_type,
      size: Number(file.size),
      version: file.version,
      author: file.created_by,
      updatedAt: toIso(file.updated_at),
    };
  } catch (error) {
    if (error instanceof NotFound) throw badReference('body.documentRef', `there is no file ${id}`);
    throw error;
  }
}

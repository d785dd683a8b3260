import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { heldFile, instanceFileOwners } from '../uploads/store.ts';
import { MIME_TYPES, safeType } from './formats.ts';

/** What one e-mail may carry: mail servers commonly refuse messages over 25 MB, base64 included. */
const MAX_ATTACHED_BYTES = 18 * 1024 * 1024;

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/** What goes with a process's e-mail: createDocument activities' documents, and files it was given. */
export interface AttachedParts {
  documents: readonly string[];
  files: readonly string[];
}

/**
 * The attachments of a process's e-mail, at most what one e-mail carries. A document still being made
 * (its job pending) is waited for — thrown as a plain error, so the e-mail is retried; a document the
 * activity never made, or a file that is not the instance's, fails the e-mail.
 */
export async function attachmentsOf(
  rt: Runtime,
  instanceId: string | null,
  parts: AttachedParts,
): Promise<Attachment[]> {
  if (parts.documents.length + parts.files.length === 0) return [];
  if (instanceId === null) throw new PermanentFailure('the job names no instance to take documents from');
  const attachments = [
    ...(await documentsOf(rt, instanceId, parts.documents)),
    ...(await filesOf(rt, instanceId, parts.files)),
  ];
  const bytes = attachments.reduce((sum, a) => sum + a.content.length, 0);
  if (bytes > MAX_ATTACHED_BYTES)
    throw new PermanentFailure(
      `the attachments come to ${bytes} bytes, more than an e-mail carries (${MAX_ATTACHED_BYTES})`,
    );
  return attachments;
}

/** The latest document each named createDocument activity made in the instance. */
async function documentsOf(
  rt: Runtime,
  instanceId: string,
  nodeIds: readonly string[],
): Promise<Attachment[]> {
  if (nodeIds.length === 0) return [];
  const rows = await rt.db.kysely
    .selectFrom('documents')
    .select(['node_id', 'file_name', 'format', 'file'])
    .where('instance_id', '=', instanceId)
    .where('node_id', 'in', [...nodeIds])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!latest.has(row.node_id)) latest.set(row.node_id, row);
  const missing = nodeIds.filter((id) => !latest.has(id));
  if (missing.length > 0) {
    const making = await documentsBeingMade(rt, instanceId);
    const waiting = missing.filter((id) => making.has(id));
    if (waiting.length > 0) throw new Error(`waiting for the document of ${waiting.join(', ')}`);
    throw new PermanentFailure(`${missing.join(', ')} made no document in this instance`);
  }
  return nodeIds.map((id) => {
    const row = latest.get(id) as (typeof rows)[number];
    return { filename: row.file_name, content: Buffer.from(row.file), contentType: MIME_TYPES[row.format] };
  });
}

/**
 * The files with these ids the instance was given (its `file` fields' values), or the item it is about
 * holds (a deal's contract scan, read as `document.scan`), in their order.
 */
async function filesOf(rt: Runtime, instanceId: string, ids: readonly string[]): Promise<Attachment[]> {
  if (ids.length === 0) return [];
  const db = rt.db.kysely;
  const owners = await instanceFileOwners(db, instanceId);
  const attachments: Attachment[] = [];
  for (const id of ids) {
    const file = await heldFile(db, owners, id).catch((error: unknown) => {
      throw error instanceof NotFound ? new PermanentFailure(`${id}: no such file in this instance`) : error;
    });
    attachments.push({ filename: file.name, content: file.content, contentType: safeType(file.contentType) });
  }
  return attachments;
}

/** The createDocument activities of the instance whose document job has not finished yet. */
async function documentsBeingMade(rt: Runtime, instanceId: string): Promise<Set<string>> {
  const jobs = await rt.db.kysely
    .selectFrom('jobs')
    .select('payload')
    .where('instance_id', '=', instanceId)
    .where('kind', '=', 'createDocument')
    .where('status', '=', 'pending')
    .execute();
  return new Set(jobs.map((j) => (JSON.parse(j.payload) as { nodeId: string }).nodeId));
}

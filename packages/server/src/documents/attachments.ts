import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import type { Runtime } from '../runtime/context.ts';
import { MIME_TYPES } from './formats.ts';

/** What one e-mail may carry: mail servers commonly refuse messages over 25 MB, base64 included. */
const MAX_ATTACHED_BYTES = 18 * 1024 * 1024;

export interface Attachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

/**
 * The latest document each named createDocument activity made in the instance, to go with an e-mail.
 * One still being made (its job pending) is waited for — thrown as a plain error, so the e-mail is
 * retried; one the activity never made (the path did not pass it, or its job is dead) fails the e-mail.
 */
export async function attachmentsOf(
  rt: Runtime,
  instanceId: string | null,
  nodeIds: readonly string[],
): Promise<Attachment[]> {
  if (nodeIds.length === 0) return [];
  if (instanceId === null) throw new PermanentFailure('the job names no instance to take documents from');
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
  const attachments = nodeIds.map((id) => {
    const row = latest.get(id) as (typeof rows)[number];
    return { filename: row.file_name, content: Buffer.from(row.file), contentType: MIME_TYPES[row.format] };
  });
  const bytes = attachments.reduce((sum, a) => sum + a.content.length, 0);
  if (bytes > MAX_ATTACHED_BYTES)
    throw new PermanentFailure(
      `the documents come to ${bytes} bytes, more than an e-mail carries (${MAX_ATTACHED_BYTES})`,
    );
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

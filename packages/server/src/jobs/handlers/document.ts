import type { Effect } from '@baton/engine';
import { newRowId } from '../../db/row-ids.ts';
import { documentFileName } from '../../documents/formats.ts';
import { documentRenderer } from '../../documents/render-thread.ts';
import { TemplateProblem } from '../../documents/template-problem.ts';
import { type JobHandler, payloadOf } from '../handler.ts';
import { PermanentFailure } from './webhook.ts';

type CreateDocument = Extract<Effect, { type: 'createDocument' }>;

/**
 * Generates a createDocument activity's document from its template and keeps it with the instance.
 * A missing template, or one that cannot make the format, is a dead job naming it — sent again from
 * the outbox once the template is fixed. Stored with the job's completion; a repeat stores nothing more.
 */
export const documentHandler: JobHandler = {
  kind: 'createDocument',
  async run(rt, job, finish) {
    const e = payloadOf<CreateDocument>(job);
    const instanceId = job.instance_id;
    if (instanceId === null) throw new PermanentFailure(`document at ${e.nodeId}: the job names no instance`);
    const template = await rt.db.kysely
      .selectFrom('document_templates')
      .select(['key', 'kind', 'file', 'text'])
      .where('key', '=', e.template)
      .executeTakeFirst();
    if (!template)
      throw new PermanentFailure(`document at ${e.nodeId}: there is no document template ${e.template}`);
    const fileName = documentFileName(e.fileName, e.format);
    let file: Buffer;
    try {
      file = await documentRenderer.render(template, e.format, e.data, fileName);
    } catch (error) {
      if (error instanceof TemplateProblem)
        throw new PermanentFailure(`document at ${e.nodeId}: ${error.message}`);
      throw error;
    }
    await rt.db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('documents')
        .values({
          id: newRowId(),
          job_key: job.key,
          instance_id: instanceId,
          node_id: e.nodeId,
          template_key: e.template,
          file_name: fileName,
          format: e.format,
          size: file.length,
          file,
          created_at: rt.now(),
        })
        .onConflict((oc) => oc.column('job_key').doNothing())
        .execute();
      await finish(trx);
    });
  },
};

import type { Effect } from '@baton/engine';
import { newRowId } from '../db/row-ids.ts';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { currentDirectory } from '../runtime/step-context.ts';

type PublishFeed = Extract<Effect, { type: 'publishFeed' }>;

/**
 * Posts a publishFeed activity's message in the feed, with the job's completion (once, whatever
 * repeats). An empty `to` is everyone; otherwise the people its references name now, absences applied
 * (a deputy reads what their colleague would have).
 */
export const feedHandler: JobHandler = {
  kind: 'publishFeed',
  async run(rt, job, finish) {
    const e = payloadOf<PublishFeed>(job);
    await rt.db.kysely.transaction().execute(async (trx) => {
      const now = rt.now();
      const everyone = e.to.length === 0;
      const readers = everyone ? [] : (await currentDirectory(rt, trx, now)).recipients(e.to, now);
      if (!everyone && readers.length === 0)
        rt.log.warn({ job: job.key, nodeId: e.nodeId, to: e.to }, 'feed post addressed to nobody');
      const id = newRowId();
      const posted = await trx
        .insertInto('feed_posts')
        .values({
          id,
          job_key: job.key,
          instance_id: job.instance_id,
          node_id: e.nodeId,
          title: e.title,
          text: e.text,
          everyone: everyone ? 1 : 0,
          created_at: now,
        })
        .onConflict((oc) => oc.column('job_key').doNothing())
        .executeTakeFirst();
      if (Number(posted.numInsertedOrUpdatedRows ?? 0n) > 0 && readers.length > 0)
        await trx
          .insertInto('feed_readers')
          .values([...new Set(readers)].map((user_id) => ({ user_id, post_id: id })))
          .execute();
      await finish(trx);
    });
  },
};

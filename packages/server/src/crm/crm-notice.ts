import type { NoticeMessage } from '@baton/engine';
import { enqueue } from '../jobs/enqueue.ts';
import type { Finish } from '../jobs/handler.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Job } from '../jobs/queue.ts';
import type { Runtime } from '../runtime/context.ts';

/** A notice the CRM sends (a robot's, an overdue activity's), keyed by the job that sends it. */
export interface CrmNotice {
  /** What it is about, as a notification's `nodeId` (`robot:<id>`, `activity:<id>`). */
  about: string;
  /** User ids and references (`head:<id>`). */
  to: string[];
  text: string;
  message?: NoticeMessage;
}

/**
 * Queues the notice as a `notify` job in the job's own finishing transaction: stored for its readers
 * and e-mailed like any notification, once whatever repeats (the key is the job's).
 */
export async function queueCrmNotice(
  rt: Runtime,
  job: Pick<Job, 'key'>,
  notice: CrmNotice,
  finish: Finish,
): Promise<void> {
  const key = `${job.key}:notify`;
  const payload = {
    type: 'notify',
    key,
    nodeId: notice.about,
    to: notice.to,
    text: notice.text,
    ...(notice.message && { message: notice.message }),
  };
  await rt.db.kysely.transaction().execute(async (trx) => {
    await enqueue(trx, [{ kind: 'notify', key, instanceId: null, payload, dueAt: rt.now() }], rt.now());
    await announceJobs(rt.db, trx);
    await finish(trx);
  });
}

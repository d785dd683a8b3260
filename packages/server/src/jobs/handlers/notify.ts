import type { Effect } from '@baton/engine';
import { newRowId } from '../../db/row-ids.ts';
import { publishUserEvent } from '../../events/user-events.ts';
import { currentDirectory } from '../../runtime/step-context.ts';
import { toIso } from '../../util/time.ts';
import { type JobHandler, payloadOf } from '../handler.ts';

type Notify = Extract<Effect, { type: 'notify' }>;

/** In-app notifications are stored for their recipients (references resolved), together with the job's completion. */
export const notifyHandler: JobHandler = {
  kind: 'notify',
  async run(rt, job, finish) {
    const e = payloadOf<Notify>(job);
    await rt.db.kysely.transaction().execute(async (trx) => {
      const now = rt.now();
      // `head:ann`, `role:HR`: the people they name now, absences applied (a deputy is told instead).
      const recipients = (await currentDirectory(rt, trx, now)).recipients(e.to, now);
      const rows = recipients.map((recipient) => ({
        id: newRowId(),
        recipient,
        text: e.text,
        instance_id: job.instance_id,
        node_id: e.nodeId,
        created_at: now,
        read_at: null,
      }));
      if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
      await publishUserEvent(
        trx,
        ...rows.map((r) => ({
          type: 'notification' as const,
          userId: r.recipient,
          data: { id: r.id, text: r.text, instanceId: r.instance_id, createdAt: toIso(r.created_at) },
        })),
      );
      await finish(trx);
    });
  },
};

import type { NoticeMessage } from '@baton/engine';
import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { queueCrmNotice } from '../crm-notice.ts';
import { ACTIVITY_DUE_JOB, type ActivityDueJob } from './activities.ts';

/**
 * An activity's deadline passed (PRODUCT.md: "when one is missed, the manager who leads the client and
 * their head are notified"): if it is still undone and due then, whoever does it, the deal's manager and
 * that manager's head get Baton's overdue notice — worded in each reader's language, e-mailed like any.
 */
export const activityDueHandler: JobHandler = {
  kind: ACTIVITY_DUE_JOB,
  async run(rt, job, finish) {
    const { activityId, dueAt } = payloadOf<ActivityDueJob>(job);
    const db = rt.db.kysely;
    const a = await db
      .selectFrom('crm_activities as a')
      .innerJoin('crm_deals as d', 'd.id', 'a.deal_id')
      .leftJoin('users as u', 'u.id', 'a.responsible_id')
      .select([
        'a.title',
        'a.due_at',
        'a.done_at',
        'a.responsible_id',
        'd.title as deal',
        'd.responsible_id as manager',
        'u.name',
      ])
      .where('a.id', '=', activityId)
      .executeTakeFirst();
    if (!a || a.done_at !== null || Number(a.due_at) !== dueAt) return finish();
    const title = `${a.title} — ${a.deal}`;
    const late = [a.name ?? a.responsible_id];
    const message: NoticeMessage = { key: 'taskOverdue', title, late };
    const to = [...new Set([a.responsible_id, a.manager, `head:${a.manager}`])];
    const text = `Overdue: “${title}” (${late.join(', ')})`;
    await queueCrmNotice(rt, job, { about: `activity:${activityId}`, to, text, message }, finish);
  },
};

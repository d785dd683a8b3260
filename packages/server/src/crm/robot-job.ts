import { ExpressionError } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { startInstance } from '../instances/start.ts';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { type ActivityKind, insertActivity } from './activities/activities.ts';
import { queueCrmNotice } from './crm-notice.ts';
import { dealDocument, itemDocument } from './deal-document.ts';
import type { DealView } from './deal-rows.ts';
import { readDeal, writeDeal } from './deals.ts';
import { robotMessage } from './robot-message.ts';
import { laterBy, ROBOT_JOB, type RobotJob } from './robots.ts';

/**
 * A robot acting on a deal that entered its stage. It acts only if the deal is still on that visit —
 * a deal moved on since (someone did something) or deleted, or a robot removed or switched off, is
 * nothing to do. A notice goes to the deal's manager (and their head) as a `notify` job, e-mailed like
 * any other; an activity is planned for the manager, due after the robot's `activity_due`; a process
 * starts about the deal once, whatever repeats (the job key is its idempotency key); a deal left at the
 * stage moves on to the robot's target (as `robot:<id>`, setting off the robots there).
 */
export const robotHandler: JobHandler = {
  kind: ROBOT_JOB,
  async run(rt, job, finish) {
    const { robotId, dealId, seq } = payloadOf<RobotJob>(job);
    const db = rt.db.kysely;
    const robot = await db.selectFrom('crm_robots').selectAll().where('id', '=', robotId).executeTakeFirst();
    const deal = await readDeal(db, dealId);
    if (!robot || !deal) return finish();
    if (robot.active !== 1 || !(await stillOn(db, dealId, seq))) return finish();
    const where = `robot ${robot.name}`;
    if (robot.action === 'notify') {
      const text = noticeText(robot.message ?? '', deal, rt.now(), where);
      const to = [deal.responsibleId, ...(robot.notify_head === 1 ? [`head:${deal.responsibleId}`] : [])];
      await queueCrmNotice(rt, job, { about: `robot:${robot.id}`, to, text }, finish);
      return;
    }
    if (robot.action === 'moveStage') {
      await db.transaction().execute(async (trx) => {
        try {
          await writeDeal(rt, trx, `robot:${robot.id}`, deal, {
            stageId: robot.target_stage_id ?? undefined,
          });
        } catch (error) {
          if (error instanceof Unprocessable)
            throw new PermanentFailure(`${where}: ${error.errors.map((e) => e.message).join('; ')}`);
          throw error;
        }
        await finish(trx);
      });
      return;
    }
    if (robot.action === 'activity') {
      const now = rt.now();
      const title = noticeText(robot.message ?? '', deal, now, where);
      await db.transaction().execute(async (trx) => {
        // One activity per robot and visit: a repeated job finds the one it planned.
        const planned = await trx
          .selectFrom('crm_activities')
          .select('id')
          .where('deal_id', '=', deal.id)
          .where('robot_id', '=', robot.id)
          .where('created_at', '>=', Number(job.created_at))
          .executeTakeFirst();
        const after = await laterBy(rt, trx, now);
        if (!planned)
          await insertActivity(rt.db, trx, {
            dealId: deal.id,
            kind: (robot.activity_kind ?? 'task') as ActivityKind,
            title,
            dueAt: after(robot.activity_due, robot.working_time === 1),
            responsibleId: deal.responsibleId,
            comment: null,
            robotId: robot.id,
            createdBy: deal.responsibleId,
            now,
          });
        await finish(trx);
      });
      return;
    }
    await startAbout(rt, robot.definition_key ?? '', deal, job.key, where);
    await finish();
  },
};

/** Whether the deal's latest stage visit is still `seq`. */
async function stillOn(db: Kysely<Database>, dealId: string, seq: number): Promise<boolean> {
  const last = await db
    .selectFrom('crm_deal_stages')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('deal_id', '=', dealId)
    .executeTakeFirst();
  return Number(last?.seq) === seq;
}

function noticeText(message: string, deal: DealView, now: number, where: string): string {
  try {
    return String(
      robotMessage(message).evaluate({
        values: {
          deal: dealDocument(deal),
          responsible: { id: deal.responsibleId, name: deal.responsibleName ?? deal.responsibleId },
        },
        now,
      }),
    );
  } catch (error) {
    if (error instanceof ExpressionError) throw new PermanentFailure(`${where}: ${error.message}`);
    throw error;
  }
}

async function startAbout(rt: Runtime, definitionKey: string, deal: DealView, jobKey: string, where: string) {
  try {
    await startInstance(rt, {
      definitionKey,
      params: {},
      document: await itemDocument(rt.db.kysely, deal),
      documentRef: `${deal.entity}:${deal.id}`,
      startedBy: deal.responsibleId,
      idempotencyKey: `robot:${jobKey}`,
    });
  } catch (error) {
    if (error instanceof NotFound)
      throw new PermanentFailure(`${where}: there is no published template ${definitionKey}`);
    if (error instanceof Unprocessable) throw new PermanentFailure(`${where}: ${error.message}`);
    throw error;
  }
}

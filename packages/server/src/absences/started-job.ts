import type { JobHandler } from '../jobs/handler.ts';
import { payloadOf } from '../jobs/handler.ts';
import { queueTaskEmails } from '../mail/task-jobs.ts';
import { currentDirectory } from '../runtime/step-context.ts';
import { moveOpenTasks } from './move.ts';
import { ABSENCE_STARTED_JOB } from './service.ts';

/**
 * An absence starts: the tasks its user holds open go on to their deputy (else their head), unless the
 * template says `options.onAbsence: "wait"`. In one transaction with the job's completion, so exactly
 * once. An absence removed meanwhile, or already over, moves nothing.
 */
export const absenceStartedHandler: JobHandler = {
  kind: ABSENCE_STARTED_JOB,
  async run(rt, job, finish) {
    const { absenceId } = payloadOf<{ absenceId: string }>(job);
    const mailed = await rt.db.kysely.transaction().execute(async (trx) => {
      const absence = await trx
        .selectFrom('absences')
        .select(['user_id', 'to_at'])
        .where('id', '=', absenceId)
        .executeTakeFirst();
      const now = rt.now();
      let mailed = false;
      if (absence && now < Number(absence.to_at)) {
        const directory = await currentDirectory(rt, trx, now);
        const moved = await moveOpenTasks(trx, directory, absence.user_id, now, {
          honourWait: true,
          actor: null,
        });
        // The stand-in hears of each task as of a new one (when e-mail is on).
        mailed = await queueTaskEmails(rt, trx, moved, now);
      }
      await finish(trx);
      return mailed;
    });
    if (mailed) rt.wake();
  },
};

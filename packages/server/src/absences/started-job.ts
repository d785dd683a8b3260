import type { JobHandler } from '../jobs/handler.ts';
import { payloadOf } from '../jobs/handler.ts';
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
    await rt.db.kysely.transaction().execute(async (trx) => {
      const absence = await trx
        .selectFrom('absences')
        .select(['user_id', 'to_at'])
        .where('id', '=', absenceId)
        .executeTakeFirst();
      const now = rt.now();
      if (absence && now < Number(absence.to_at)) {
        const directory = await currentDirectory(rt, trx, now);
        await moveOpenTasks(trx, directory, absence.user_id, now, { honourWait: true, actor: null });
      }
      await finish(trx);
    });
  },
};

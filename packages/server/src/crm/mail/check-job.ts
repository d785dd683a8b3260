import type { Kysely } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CrmMailboxesTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import { checkMailbox } from './check.ts';

export const MAILBOX_CHECK_JOB = 'crmMailboxCheck';

interface MailboxCheckJob {
  mailboxId: string;
  /** The mailbox's `generation` when it was scheduled: a changed or re-enabled mailbox starts a new chain. */
  generation: number;
  /** The how-manieth check of this chain. */
  n: number;
}

/** Schedules the mailbox's `n`th check of its current generation, `afterMs` from now. */
export async function scheduleCheck(
  db: Db,
  trx: Kysely<Database>,
  m: Pick<CrmMailboxesTable, 'id' | 'generation'>,
  now: number,
  n = 1,
  afterMs = 0,
): Promise<void> {
  const job: MailboxCheckJob = { mailboxId: m.id, generation: m.generation, n };
  await enqueue(
    trx,
    [
      {
        kind: MAILBOX_CHECK_JOB,
        key: `${MAILBOX_CHECK_JOB}:${m.id}:${m.generation}:${n}`,
        instanceId: null,
        payload: job,
        dueAt: now + afterMs,
      },
    ],
    now,
  );
  await announceJobs(db, trx);
}

/**
 * Reads an enabled mailbox every `check_minutes` (at once again while a backlog remains). A failed check
 * is written on the mailbox — the person who connected it sees why — and the next one comes as usual.
 */
export const mailboxCheckHandler: JobHandler = {
  kind: MAILBOX_CHECK_JOB,
  async run(rt, job, finish) {
    const { mailboxId, generation, n } = payloadOf<MailboxCheckJob>(job);
    const current = (db: Kysely<Database>) =>
      db
        .selectFrom('crm_mailboxes')
        .select(['id', 'generation', 'enabled', 'check_minutes'])
        .where('id', '=', mailboxId)
        .executeTakeFirst();
    const before = await current(rt.db.kysely);
    if (!before || before.generation !== generation || before.enabled !== 1) return finish();
    const result = await checkMailbox(rt, mailboxId);
    await rt.db.kysely.transaction().execute(async (trx) => {
      const m = await current(trx);
      if (m && m.generation === generation && m.enabled === 1)
        await scheduleCheck(rt.db, trx, m, rt.now(), n + 1, result.more ? 0 : m.check_minutes * 60_000);
      await finish(trx);
    });
  },
};

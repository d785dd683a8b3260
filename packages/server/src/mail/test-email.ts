import type { Effect } from '@baton/engine';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { enqueue } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import { getJob, type JobView } from '../jobs/service.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';

/**
 * Queues a test e-mail to the caller (a process administrator setting up e-mail) through the outbox a
 * process's e-mail takes: it shows there as delivered, failed with the SMTP server's answer, or waiting
 * while the server sends no e-mail.
 */
export async function queueTestEmail(rt: Runtime, caller: Caller): Promise<JobView> {
  demand(caller, 'administerProcesses', 'sending a test e-mail');
  const db = rt.db.kysely;
  const user = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', caller.userId)
    .executeTakeFirst();
  if (!user?.email)
    throw new Unprocessable(
      `${caller.userId} has no e-mail address to send the test to`,
      [{ path: 'user.email', message: 'is empty: add your address to your profile first' }],
      'NO_EMAIL_ADDRESS',
    );
  const now = rt.now();
  const key = `test-email:${caller.userId}:${now}`;
  const payload: Extract<Effect, { type: 'sendEmail' }> = {
    type: 'sendEmail',
    key,
    nodeId: 'test',
    to: [`user:${caller.userId}`],
    cc: [],
    subject: 'Baton: test e-mail / тестовое письмо',
    body: 'E-mail from Baton works.\nПочта из Baton работает.',
  };
  await db.transaction().execute(async (trx) => {
    await enqueue(trx, [{ kind: 'sendEmail', key, instanceId: null, payload, dueAt: now }], now);
    await announceJobs(rt.db, trx);
  });
  rt.wake();
  return getJob(db, key);
}

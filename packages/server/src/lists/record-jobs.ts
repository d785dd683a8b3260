import type { Effect } from '@baton/engine';
import { startInstance } from '../instances/start.ts';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import { NotFound, Unprocessable } from '../runtime/errors.ts';
import { writerFiles } from '../uploads/store.ts';
import { recordDocument } from './record-document.ts';
import {
  insertRecord,
  RECORD_PROCESS_JOB,
  type RecordProcessJob,
  type RecordValues,
  valueProblems,
} from './records.ts';

type AddListRecord = Extract<Effect, { type: 'addListRecord' }>;

/**
 * An addListRecord activity's record, added with the job's completion (once, whatever repeats) as its
 * process. A list that is not there, or values its fields do not take, make the job dead naming them.
 */
export const addListRecordHandler: JobHandler = {
  kind: 'addListRecord',
  async run(rt, job, finish) {
    const e = payloadOf<AddListRecord>(job);
    const where = `addListRecord at ${e.nodeId}`;
    await rt.db.kysely.transaction().execute(async (trx) => {
      const list = await trx.selectFrom('lists').selectAll().where('key', '=', e.list).executeTakeFirst();
      if (!list) throw new PermanentFailure(`${where}: there is no list ${e.list}`);
      const values = e.values as RecordValues;
      const by = job.instance_id === null ? 'process' : `process:${job.instance_id}`;
      const problems = await valueProblems(trx, list, values, 'values', writerFiles(null, by));
      if (problems.length > 0)
        throw new PermanentFailure(`${where}: ${problems.map((p) => p.message).join('; ')}`);
      await insertRecord(rt, trx, list, { title: e.title || list.name, values, by, jobKey: job.key });
      await finish(trx);
    });
  },
};

/**
 * A list's template starting about a new record, once (the job key is its idempotency key), started by
 * whoever added the record — for a process's record, whoever started that process.
 */
export const recordProcessHandler: JobHandler = {
  kind: RECORD_PROCESS_JOB,
  async run(rt, job, finish) {
    const { recordId, definitionKey, startedBy } = payloadOf<RecordProcessJob>(job);
    const db = rt.db.kysely;
    const record = await db
      .selectFrom('list_records')
      .selectAll()
      .where('id', '=', recordId)
      .executeTakeFirst();
    const list = record
      ? await db.selectFrom('lists').selectAll().where('id', '=', record.list_id).executeTakeFirst()
      : undefined;
    if (!record || !list) return finish();
    const where = `the list ${list.name}'s process`;
    try {
      await startInstance(rt, {
        definitionKey,
        params: {},
        document: recordDocument(record, list),
        documentRef: `record:${record.id}`,
        startedBy: await starterOf(rt, startedBy),
        idempotencyKey: `list:${job.key}`,
      });
    } catch (error) {
      if (error instanceof NotFound)
        throw new PermanentFailure(`${where}: there is no published template ${definitionKey}`);
      if (error instanceof Unprocessable) throw new PermanentFailure(`${where}: ${error.message}`);
      throw error;
    }
    await finish();
  },
};

const PROCESS = 'process:';

async function starterOf(rt: Parameters<JobHandler['run']>[0], by: string): Promise<string> {
  if (!by.startsWith(PROCESS)) return by;
  const parent = await rt.db.kysely
    .selectFrom('instances')
    .select('started_by')
    .where('id', '=', by.slice(PROCESS.length))
    .executeTakeFirst();
  return parent?.started_by ?? by;
}

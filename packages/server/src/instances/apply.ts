import { type Effect, type EngineEvent, type InstanceState, type StepResult, step } from '@baton/engine';
import type { Kysely, Transaction } from 'kysely';
import type { Database, InstancesTable, TasksTable } from '../db/schema.ts';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import { enqueue, type NewJob } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import { taskEmailJobs } from '../mail/task-jobs.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound, VersionConflict } from '../runtime/errors.ts';
import { stepContext } from '../runtime/step-context.ts';
import { commentOf } from '../tasks/completion.ts';
import { stepEventJobs } from '../webhooks/outbox.ts';
import { createdTasks, taskKey, writeEffects } from './effects.ts';
import { appendHistory } from './history.ts';
import { parsedState, storedJson } from './parsed-states.ts';
import {
  advanceInstance,
  cancelOpenTasks,
  cancelPendingTimers,
  dropSubscriptions,
  instanceById,
  markTaskCompleted,
  settleInstance,
} from './step-queries.ts';

const MAX_ATTEMPTS = 20;

export interface Applied {
  instanceId: string;
  result: StepResult;
  /** The task row a `taskCompleted` event completed, as written; absent when the step failed the instance. */
  completedTask?: TasksTable | undefined;
}

/** What writing a step did that its caller acts on. */
export interface Persisted {
  /** Jobs due now were enqueued: the workers are to be woken after the commit. */
  dueJobs: boolean;
  /** As in `Applied`: the completed task's row as the step's UPDATE returned it. */
  completedTask: TasksTable | undefined;
}

/** Extra writes that must commit with the step (a timer job marked done, a task's completer). */
export type AlongWith = (trx: Transaction<Database>) => Promise<void>;

/**
 * Applies one event to one instance in one transaction: read at version v → step → write the state
 * where version = v, tasks, jobs and history → commit. A concurrent change retries from a fresh read;
 * an `EventRejected` from the engine propagates with nothing written.
 */
export function applyEvent(
  rt: Runtime,
  instanceId: string,
  event: EngineEvent,
  along?: AlongWith,
): Promise<Applied> {
  return stepTransaction(rt, (trx, wakeWorkers) => stepIn(rt, trx, instanceId, event, wakeWorkers, along));
}

/** Called inside a step's transaction when it enqueued jobs that are due now. */
export type WakeWorkers = () => void;

/**
 * Runs `work` — reads, checks and engine steps (`stepIn`) — in one transaction, again from the start
 * when another step committed first, and wakes the job workers after the commit if a step asked to.
 */
export async function stepTransaction<T>(
  rt: Runtime,
  work: (trx: Transaction<Database>, wakeWorkers: WakeWorkers) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let wake = false;
    try {
      const value = await rt.db.kysely.transaction().execute((trx) =>
        work(trx, () => {
          wake = true;
        }),
      );
      if (wake) rt.wake();
      return value;
    } catch (error) {
      if (!(error instanceof VersionConflict) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

/** One engine step of an instance inside `trx` (see applyEvent); throws VersionConflict if it lost a race. */
export async function stepIn(
  rt: Runtime,
  trx: Transaction<Database>,
  instanceId: string,
  event: EngineEvent,
  wakeWorkers: WakeWorkers,
  along?: AlongWith,
): Promise<Applied> {
  const [row] = (await instanceById(trx, instanceId)).rows;
  if (!row) throw new NotFound('instance', instanceId);
  return stepOn(rt, trx, row, event, wakeWorkers, along);
}

/** As stepIn, on the instance's row already read in `trx` (a completion reads it with its task). */
export async function stepOn(
  rt: Runtime,
  trx: Transaction<Database>,
  row: InstancesTable,
  event: EngineEvent,
  wakeWorkers: WakeWorkers,
  along?: AlongWith,
): Promise<Applied> {
  const compiled = await compiledDefinition(trx, row.definition_key, row.definition_version);
  const result = step(compiled, parsedState(row.id, row.state), event, await stepContext(rt, trx));
  await along?.(trx);
  const { dueJobs, completedTask } = await persistStep(rt, trx, row, result, event);
  if (dueJobs) wakeWorkers();
  return { instanceId: row.id, result, completedTask };
}

/** Writes a step of an existing instance. Throws VersionConflict when another step committed first. */
export async function persistStep(
  rt: Runtime,
  trx: Kysely<Database>,
  row: InstancesTable,
  result: StepResult,
  event: EngineEvent,
): Promise<Persisted> {
  const now = rt.now();
  const { state } = result;
  const ended =
    (state.status === 'completed' || state.status === 'terminated') && row.status !== state.status;
  const error = state.error ? JSON.stringify({ ...state.error, event }) : null;
  const version = row.version + 1;
  const historySeq = row.history_seq + result.history.length;
  // Only what changed: SQLite rewrites an index for every column set, even to the same value, and most
  // steps leave the status (indexed) as it was.
  const kept = state.status === row.status && error === row.error && !ended;
  const json = storedJson(row.id, row.state, state);
  const { numAffectedRows } = kept
    ? await advanceInstance(trx, json, version, historySeq, row.id, row.version)
    : await settleInstance(
        trx,
        json,
        version,
        historySeq,
        state.status,
        error,
        ended ? now : row.ended_at,
        row.id,
        row.version,
      );
  const updated = Number(numAffectedRows);
  if (updated !== 1) throw new VersionConflict(row.id);
  let completedTask: TasksTable | undefined;
  if (event.type === 'taskCompleted' && state.status !== 'failed') {
    const completedBy = event.actor?.id ?? null;
    const key = taskKey(row.id, event.taskId);
    const completed = await markTaskCompleted(
      trx,
      now,
      completedBy,
      event.outcome ?? null,
      commentOf(event.variables),
      key,
    );
    [completedTask] = completed.rows;
  }
  if (event.type === 'message' && state.status === 'running')
    await dropReceivedSubscriptions(trx, row.id, state);
  const instance = { id: row.id, definitionKey: row.definition_key };
  const dueJobs = await writeStepOutputs(rt, trx, instance, row.history_seq, result, ended ? row : null);
  return { dueJobs, completedTask };
}

/**
 * A received message resolves its wait without an effect (as a completed task does), so the rows of
 * message waits the state no longer has go here; left behind, they would crowd out live subscribers.
 */
async function dropReceivedSubscriptions(trx: Kysely<Database>, instanceId: string, state: InstanceState) {
  const live = state.waits.filter((w) => w.kind === 'message').map((w) => `${instanceId}:${w.id}`);
  let stale = trx.deleteFrom('message_subscriptions').where('instance_id', '=', instanceId);
  if (live.length > 0) stale = stale.where('id', 'not in', live);
  await stale.execute();
}

/**
 * Tasks, jobs, subscriptions and history of a step; a child's end is reported to its waiting parent, and its
 * events to the webhooks that take them.
 */
export async function writeStepOutputs(
  rt: Runtime,
  trx: Kysely<Database>,
  instance: { id: string; definitionKey: string },
  historySeq: number,
  result: StepResult,
  endedChild: Pick<InstancesTable, 'parent_id' | 'call_id'> | null,
): Promise<boolean> {
  const now = rt.now();
  const instanceId = instance.id;
  const jobs: NewJob[] = await writeEffects(trx, instanceId, result.effects, now);
  if (rt.mail) jobs.push(...taskEmailJobs(createdTasks(instanceId, result.effects), now));
  jobs.push(...(await stepEventJobs(rt, trx, instance, historySeq, result.history)));
  // A failed instance keeps its open work: a retry re-applies the failing event to the state before it.
  // Before its first step (history sequence 0) an instance has no rows, so one ending in that step has
  // only the work this step opened to close.
  const ended = result.state.status === 'completed' || result.state.status === 'terminated';
  if (ended && (historySeq > 0 || result.effects.some(opensWork))) await closeOpenWork(trx, instanceId, now);
  if (endedChild?.parent_id && endedChild.call_id) {
    const payload = {
      parentId: endedChild.parent_id,
      callId: endedChild.call_id,
      status: result.state.status,
      variables: result.state.variables,
    };
    jobs.push({
      kind: 'callCompleted',
      key: `${instanceId}:ended`,
      instanceId: endedChild.parent_id,
      payload,
      dueAt: now,
    });
  }
  await enqueue(trx, jobs, now);
  await appendHistory(trx, instanceId, historySeq, result.history);
  const due = jobs.some((j) => j.dueAt <= now);
  if (jobs.length > 0) await announceJobs(rt.db, trx);
  return due;
}

const opensWork = (e: Effect) =>
  e.type === 'createTask' || e.type === 'scheduleTimer' || e.type === 'subscribeMessage';

/** An instance that ended leaves no open task, pending timer or subscription behind. */
async function closeOpenWork(trx: Kysely<Database>, instanceId: string, now: number): Promise<void> {
  await cancelOpenTasks(trx, now, instanceId);
  await cancelPendingTimers(trx, now, instanceId);
  await dropSubscriptions(trx, instanceId);
}

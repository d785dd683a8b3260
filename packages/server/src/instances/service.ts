import type { EngineEvent, InstanceError, InstanceState } from '@baton/engine';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { InstancesTable } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';
import { type TaskView, tasksOfInstance } from '../tasks/service.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { applyEvent } from './apply.ts';
import { readHistory } from './history.ts';
import { reapply, retryFailed, type StoredFailure } from './retry.ts';
import { type Started, type StartInput, startInstance } from './start.ts';

export type InstanceStatus = InstancesTable['status'];

export interface InstanceSummary {
  id: string;
  status: InstanceStatus;
  definitionKey: string;
  definitionVersion: number;
  documentRef: string | null;
  startedBy: string | null;
  startedAt: string;
  endedAt: string | null;
  parentId: string | null;
}

export interface HistoryView {
  seq: number;
  type: string;
  at: string;
  nodeId?: string;
  tokenId?: string;
  /** API task id (`instanceId:taskId`) for task events. */
  taskId?: string;
  timerId?: string;
  actor?: string;
  data?: Record<string, unknown>;
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  /** Why it failed, and the event a retry re-applies. */
  error: (InstanceError & { event?: EngineEvent }) | null;
  tasks: TaskView[];
  history: HistoryView[];
}

/** A start's result, and whether it is the stored result of an earlier start with the same key. */
export interface StartOutcome {
  started: Started;
  replayed: boolean;
}

/**
 * Starts an instance of the latest published version. With an idempotency key, the first start's result
 * is returned for every later (or concurrent) request with the same key: a concurrent duplicate loses
 * the race on the key's primary key, rolls back, and reads the winner's result.
 */
export async function start(rt: Runtime, input: StartInput): Promise<StartOutcome> {
  const key = input.idempotencyKey ?? null;
  if (key !== null) {
    const seen = await storedStart(rt, key);
    if (seen) return { started: seen, replayed: true };
  }
  try {
    return { started: await startInstance(rt, input), replayed: false };
  } catch (error) {
    if (key === null || !isUniqueViolation(error)) throw error;
    const seen = await storedStart(rt, key);
    if (!seen) throw error;
    return { started: seen, replayed: true };
  }
}

async function storedStart(rt: Runtime, key: string): Promise<Started | null> {
  const row = await rt.db.kysely
    .selectFrom('idempotency_keys')
    .select('result')
    .where('key', '=', `instances.start:${key}`)
    .executeTakeFirst();
  return row ? (JSON.parse(row.result) as Started) : null;
}

export interface InstanceFilter {
  definitionKey?: string | undefined;
  status?: InstanceStatus | undefined;
  startedBy?: string | undefined;
  /** Epoch ms, inclusive. */
  startedFrom?: number | undefined;
  /** Epoch ms, exclusive. */
  startedTo?: number | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Newest first (started_at desc, id desc), keyset-paginated. */
export async function listInstances(rt: Runtime, f: InstanceFilter): Promise<Page<InstanceSummary>> {
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = rt.db.kysely.selectFrom('instances').selectAll();
  if (f.definitionKey !== undefined) q = q.where('definition_key', '=', f.definitionKey);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.startedBy !== undefined) q = q.where('started_by', '=', f.startedBy);
  if (f.startedFrom !== undefined) q = q.where('started_at', '>=', f.startedFrom);
  if (f.startedTo !== undefined) q = q.where('started_at', '<', f.startedTo);
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([eb('started_at', '<', at), eb.and([eb('started_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, summaryOf, (r) => [r.started_at, r.id]);
}

export async function getInstance(rt: Runtime, id: string): Promise<InstanceDetail> {
  const row = await rt.db.kysely.selectFrom('instances').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('instance', id);
  const state = JSON.parse(row.state) as InstanceState;
  const [tasks, history] = await Promise.all([tasksOfInstance(rt, id), readHistory(rt.db.kysely, id)]);
  return {
    ...summaryOf(row),
    variables: state.variables,
    error: row.error === null ? null : (JSON.parse(row.error) as StoredFailure),
    tasks,
    history: history.map((h, i) => ({
      seq: i + 1,
      ...h,
      at: toIso(h.at),
      ...(h.taskId === undefined ? {} : { taskId: `${id}:${h.taskId}` }),
    })),
  };
}

/**
 * Terminates a running instance (its open tasks are cancelled, its timers withdrawn). A failed one is
 * terminated from the state before its failure.
 */
export async function terminate(
  rt: Runtime,
  id: string,
  reason: string,
  actor: string,
): Promise<InstanceSummary> {
  const event = { type: 'terminate', reason, actor: { id: actor } } as const;
  const row = await findRow(rt, id);
  if (row.status === 'failed') await reapply(rt, id, () => event);
  else await applyEvent(rt, id, event);
  return summaryOf(await findRow(rt, id));
}

/** Re-applies the event a failed instance failed on; the answer says whether it failed again. */
export async function retry(rt: Runtime, id: string): Promise<InstanceDetail> {
  await retryFailed(rt, id);
  return getInstance(rt, id);
}

async function findRow(rt: Runtime, id: string): Promise<InstancesTable> {
  const row = await rt.db.kysely.selectFrom('instances').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('instance', id);
  return row;
}

function summaryOf(row: InstancesTable): InstanceSummary {
  return {
    id: row.id,
    status: row.status,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    documentRef: row.document_ref,
    startedBy: row.started_by,
    startedAt: toIso(row.started_at),
    endedAt: toIsoOrNull(row.ended_at),
    parentId: row.parent_id,
  };
}

import {
  type EngineEvent,
  type InstanceError,
  type InstanceState,
  type RunProgress,
  runProgress,
} from '@baton/engine';
import { actingAs, can, demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { templateAccess, viewableKeys } from '../access/definition-rights.ts';
import { instanceVisible } from '../access/visibility.ts';
import { crmDocument } from '../crm/deal-document.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import type { InstancesTable } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique.ts';
import { compiledDefinition } from '../definitions/compiled-cache.ts';
import { driveFileDocument } from '../drive/file-document.ts';
import { listRecordDocument } from '../lists/record-document.ts';
import type { Runtime } from '../runtime/context.ts';
import { Forbidden, NotFound } from '../runtime/errors.ts';
import { type NodeResponses, responsesOf } from '../tasks/responses.ts';
import { type TaskView, tasksOfInstance } from '../tasks/service.ts';
import { toIso, toIsoOrNull } from '../util/time.ts';
import { applyEvent } from './apply.ts';
import { readHistory } from './history.ts';
import { participantsOf } from './participants.ts';
import { reapply, retryFailed, type StoredFailure } from './retry.ts';
import { type Started, type StartInput, startInstance } from './start.ts';
import { isStuck, type StuckReason, stuckReasons } from './stuck.ts';
import { type HistoryView, historyView } from './timeline.ts';

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

/** A list item for those who see all work: whether it is stuck and why (instances/stuck.ts). */
export interface ListedInstance extends InstanceSummary {
  stuck?: boolean;
  stuckReasons?: StuckReason[];
}

export interface InstanceDetail extends InstanceSummary {
  variables: Record<string, unknown>;
  /** Why it failed, and the event a retry re-applies. */
  error: (InstanceError & { event?: EngineEvent }) | null;
  tasks: TaskView[];
  /** Per user task node: who answered, who still may, who did not. */
  responses: NodeResponses[];
  /** Where it is and has been: each node's mark, the flows taken, the nodes it is at now. */
  progress: RunProgress;
  /** Who started it, had or answered a task, or acted in its history. */
  participants: string[];
  /** Every event, or the `historyLimit` newest (GET /instances/{id}/history pages the rest). */
  history: HistoryView[];
  historyTotal: number;
}

export interface DetailOptions {
  /** Only the newest this many history events; all when absent. */
  historyLimit?: number | undefined;
  /** `open`: only the open tasks (the summaries still count every task). */
  tasks?: 'all' | 'open' | undefined;
}

/** A start's result, and whether it is the stored result of an earlier start with the same key. */
export interface StartOutcome {
  started: Started;
  replayed: boolean;
}

/**
 * Starts an instance of the latest published version for the caller, who needs the template's start
 * right: a template they do not see at all is a 404, one they see (view or edit right) a 403.
 * `startedBy` is the caller unless an administrator names someone else. With an idempotency key, the
 * first start's result is returned for every later (or concurrent) request with the same key from the
 * same user: a concurrent duplicate loses the race on the key's primary key, rolls back, and reads the
 * winner's result. Keys are per user, so one user's key never answers another's start.
 */
export async function start(
  rt: Runtime,
  caller: Caller,
  request: Omit<StartInput, 'startedBy'> & { startedBy?: string | undefined },
): Promise<StartOutcome> {
  const db = rt.db.kysely;
  const access = await templateAccess(db, caller, request.definitionKey);
  if (!access.see) throw new NotFound('published definition', request.definitionKey);
  if (!access.start) throw new Forbidden(`you may not start ${request.definitionKey}`);
  const starter = await actingAs(db, caller, request.startedBy);
  const input: StartInput = {
    ...request,
    document: request.document ?? (await documentOf(rt, caller, request.documentRef ?? null)),
    startedBy: starter.id,
    uploader: caller.userId,
    idempotencyKey: request.idempotencyKey ? `${caller.userId}:${request.idempotencyKey}` : null,
  };
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
  /** `mine`: the instances the caller started ("my processes"). */
  scope?: 'mine' | undefined;
  definitionKey?: string | undefined;
  status?: InstanceStatus | undefined;
  startedBy?: string | undefined;
  /** The CRM item (`deal:<id>`) or outside document the instances are about. */
  documentRef?: string | undefined;
  /** Epoch ms, inclusive. */
  startedFrom?: number | undefined;
  /** Epoch ms, exclusive. */
  startedTo?: number | undefined;
  /** Only stuck instances (true) or none of them (false); for those who see all work. */
  stuck?: boolean | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/**
 * The instances the caller sees (or, with scope `mine`, started), newest first (started_at desc, id
 * desc), keyset-paginated. Those who see all work (administrators) also get each one's `stuck` flag and
 * reasons, and may filter on it.
 */
export async function listInstances(
  rt: Runtime,
  caller: Caller,
  f: InstanceFilter,
): Promise<Page<ListedInstance>> {
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  const flags = can(caller, 'seeAllWork');
  if (f.stuck !== undefined) demand(caller, 'seeAllWork', 'filtering stuck instances');
  // Not the state: the list never shows it, and sorting rows that carry it copies every selected one.
  let q = rt.db.kysely.selectFrom('instances').select(SUMMARY_COLUMNS);
  if (f.scope === 'mine') q = q.where('started_by', '=', caller.userId);
  else {
    const visible = await visibleInstances(rt, caller);
    if (visible) q = q.where(visible);
  }
  if (f.definitionKey !== undefined) q = q.where('definition_key', '=', f.definitionKey);
  if (f.status !== undefined) q = q.where('status', '=', f.status);
  if (f.startedBy !== undefined) q = q.where('started_by', '=', f.startedBy);
  if (f.documentRef !== undefined) q = q.where('document_ref', '=', f.documentRef);
  if (f.startedFrom !== undefined) q = q.where('started_at', '>=', f.startedFrom);
  if (f.startedTo !== undefined) q = q.where('started_at', '<', f.startedTo);
  if (f.stuck === true) q = q.where(isStuck(rt.db.kysely));
  if (f.stuck === false) q = q.where((eb) => eb.not(isStuck(rt.db.kysely)(eb)));
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
  const page = toPage(rows, limit, summaryOf, (r) => [r.started_at, r.id]);
  if (!flags) return page;
  const running = page.items.filter((i) => i.status === 'running').map((i) => i.id);
  const reasons = await stuckReasons(rt.db.kysely, running);
  return {
    ...page,
    items: page.items.map((i) => {
      const why = reasons.get(i.id) ?? [];
      return { ...i, stuck: why.length > 0, stuckReasons: why };
    }),
  };
}

/** An instance the caller sees, with its variables, tasks, history and what they add up to; any other is a 404. */
export async function getInstance(
  rt: Runtime,
  caller: Caller,
  id: string,
  options: DetailOptions = {},
): Promise<InstanceDetail> {
  const row = await findRow(rt, caller, id);
  const state = JSON.parse(row.state) as InstanceState;
  const [tasks, history, compiled] = await Promise.all([
    tasksOfInstance(rt, id),
    readHistory(rt.db.kysely, id),
    compiledDefinition(rt.db.kysely, row.definition_key, row.definition_version),
  ]);
  const from = Math.max(0, history.length - (options.historyLimit ?? history.length));
  return {
    ...summaryOf(row),
    variables: state.variables,
    error: row.error === null ? null : (JSON.parse(row.error) as StoredFailure),
    tasks: options.tasks === 'open' ? tasks.filter((t) => t.status === 'open') : tasks,
    responses: responsesOf(tasks, history),
    progress: runProgress(compiled.definition.flows, history),
    participants: participantsOf(row.started_by, tasks, history),
    history: history.slice(from).map((h, i) => historyView(id, h, from + i + 1)),
    historyTotal: history.length,
  };
}

/**
 * Terminates a running instance (its open tasks are cancelled, its timers withdrawn); process
 * administrators only. A failed one is terminated from the state before its failure.
 */
export async function terminate(
  rt: Runtime,
  caller: Caller,
  id: string,
  reason: string,
  actorId: string | undefined,
): Promise<InstanceSummary> {
  const row = await administered(rt, caller, id, 'terminating instances');
  const event = { type: 'terminate', reason, actor: await actingAs(rt.db.kysely, caller, actorId) } as const;
  if (row.status === 'failed') await reapply(rt, id, () => event);
  else await applyEvent(rt, id, event);
  return summaryOf(await findRow(rt, caller, id));
}

/** Re-applies the event a failed instance failed on (process administrators); the answer says whether it failed again. */
export async function retry(rt: Runtime, caller: Caller, id: string): Promise<InstanceDetail> {
  await administered(rt, caller, id, 'retrying instances');
  await retryFailed(rt, id);
  return getInstance(rt, caller, id);
}

/** The condition for the instances the caller sees, or null when they see all. */
async function visibleInstances(rt: Runtime, caller: Caller) {
  const keys = can(caller, 'seeAllWork') ? [] : await viewableKeys(rt.db.kysely, caller);
  return instanceVisible(rt.db.kysely, caller, keys);
}

/** Which of `ids` the caller sees. */
export async function seenInstanceIds(
  rt: Runtime,
  caller: Caller,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  let q = rt.db.kysely
    .selectFrom('instances')
    .select('id')
    .where('id', 'in', [...ids]);
  const visible = await visibleInstances(rt, caller);
  if (visible) q = q.where(visible);
  return new Set((await q.execute()).map((r) => r.id));
}

/** The instance row if the caller sees it; otherwise 404, as if it did not exist. */
export async function findRow(rt: Runtime, caller: Caller, id: string): Promise<InstancesTable> {
  let q = rt.db.kysely.selectFrom('instances').selectAll().where('id', '=', id);
  const visible = await visibleInstances(rt, caller);
  if (visible) q = q.where(visible);
  const row = await q.executeTakeFirst();
  if (!row) throw new NotFound('instance', id);
  return row;
}

/** An instance the caller sees (else 404) and may administer (else 403). */
async function administered(rt: Runtime, caller: Caller, id: string, what: string): Promise<InstancesTable> {
  const row = await findRow(rt, caller, id);
  if (!can(caller, 'administerProcesses'))
    throw new Forbidden(`${what} needs the role administrator or processAdministrator`);
  return row;
}

const SUMMARY_COLUMNS = [
  'id',
  'status',
  'definition_key',
  'definition_version',
  'document_ref',
  'started_by',
  'started_at',
  'ended_at',
  'parent_id',
] as const;

function summaryOf(row: Pick<InstancesTable, (typeof SUMMARY_COLUMNS)[number]>): InstanceSummary {
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

/** What a process started about something Baton keeps (a CRM item, a list record, a file) reads as `document`. */
async function documentOf(rt: Runtime, caller: Caller, documentRef: string | null) {
  return (
    (await crmDocument(rt, caller, documentRef)) ??
    (await listRecordDocument(rt, caller, documentRef)) ??
    (await driveFileDocument(rt, caller, documentRef))
  );
}

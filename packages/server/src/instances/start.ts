import { emptyState, type Field, type StepResult, step } from '@baton/engine';
import type { Kysely } from 'kysely';
import { insertRows } from '../db/insert-rows.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Unprocessable } from '../runtime/errors.ts';
import { startContext } from '../runtime/step-context.ts';
import { fileFieldsOf } from '../uploads/file-fields.ts';
import { fileValueProblems, instanceOwner, linkFiles } from '../uploads/store.ts';
import { writeStepOutputs } from './apply.ts';
import { storedJson } from './parsed-states.ts';

export interface StartInput {
  definitionKey: string;
  params?: Record<string, unknown>;
  /** A snapshot of the CRM item the process is attached to, and its reference. */
  document?: Record<string, unknown> | null;
  documentRef?: string | null;
  startedBy?: string | null;
  /** The same key returns the first start's result instead of starting again. */
  idempotencyKey?: string | null;
  /** For a called process: the waiting parent and its call id. */
  parent?: { id: string; callId: string } | null;
  /** The person filling in the start form: its `file` fields may name their uploads. */
  uploader?: string | null;
}

export interface Started {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: StepResult['state']['status'];
}

/**
 * The `file` parameters a start links to its instance: a person's start names their uploads (else 422 at
 * `params.<field>`), a called process its parent's files; others (a robot's start) link none.
 */
async function startFiles(
  trx: Kysely<Database>,
  fields: readonly Field[],
  params: Record<string, unknown>,
  input: StartInput,
): Promise<string[]> {
  const source = {
    uploader: input.uploader ?? null,
    owners: input.parent ? [instanceOwner(input.parent.id)] : [],
  };
  if (source.uploader === null && source.owners.length === 0) return [];
  const names = fileFieldsOf(fields);
  const problems = await fileValueProblems(trx, names, params, source, 'params');
  if (problems.length === 0) return names;
  if (source.uploader !== null)
    throw new Unprocessable(
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems,
      'INVALID_PARAMS',
    );
  // A parent's value that is no file of its own links nothing, as a robot's start.
  const foreign = new Set(problems.map((p) => p.path.slice('params.'.length)));
  return names.filter((name) => !foreign.has(name));
}

/**
 * Starts an instance of the latest published version in one transaction (instance row, its first
 * tasks, jobs and history). An invalid start throws the engine's EventRejected with nothing written.
 */
export async function startInstance(rt: Runtime, input: StartInput): Promise<Started> {
  const idempotency = input.idempotencyKey ? `instances.start:${input.idempotencyKey}` : null;
  const out = await rt.db.kysely.transaction().execute(async (trx) => {
    if (idempotency) {
      const seen = await trx
        .selectFrom('idempotency_keys')
        .select('result')
        .where('key', '=', idempotency)
        .executeTakeFirst();
      if (seen) return { started: JSON.parse(seen.result) as Started, woke: false };
    }
    const now = rt.now();
    const { ctx, version, compiled } = await startContext(rt, trx, input.definitionKey, now);
    const params = input.params ?? {};
    const files = await startFiles(trx, compiled.definition.parameters, params, input);
    const event = {
      type: 'start',
      params,
      document: input.document ?? null,
      starter: input.startedBy ?? null,
    } as const;
    const result = step(compiled, emptyState(), event, ctx);
    const id = newRowId();
    const { state } = result;
    const ended = state.status === 'completed' || state.status === 'terminated';
    const json = storedJson(id, null, state);
    await insertRows(trx, 'instances', [
      {
        id,
        definition_key: input.definitionKey,
        definition_version: version,
        status: state.status,
        state: json,
        version: 1,
        document_ref: input.documentRef ?? null,
        started_by: input.startedBy ?? null,
        started_at: now,
        ended_at: ended ? now : null,
        error: state.error ? JSON.stringify({ ...state.error, event }) : null,
        parent_id: input.parent?.id ?? null,
        call_id: input.parent?.callId ?? null,
        history_seq: result.history.length,
      },
    ]);
    await linkFiles(trx, instanceOwner(id), files, params);
    const parent =
      ended && input.parent ? { parent_id: input.parent.id, call_id: input.parent.callId } : null;
    const woke = await writeStepOutputs(
      rt,
      trx,
      { id, definitionKey: input.definitionKey },
      0,
      result,
      parent,
    );
    const started: Started = {
      id,
      definitionKey: input.definitionKey,
      definitionVersion: version,
      status: state.status,
    };
    if (idempotency) {
      await trx
        .insertInto('idempotency_keys')
        .values({
          key: idempotency,
          scope: 'instances.start',
          result: JSON.stringify(started),
          created_at: now,
        })
        .execute();
    }
    return { started, woke };
  });
  if (out.woke) rt.wake();
  return out.started;
}

import { emptyState, type StepResult, step } from '@baton/engine';
import { insertRows } from '../db/insert-rows.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Runtime } from '../runtime/context.ts';
import { startContext } from '../runtime/step-context.ts';
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
}

export interface Started {
  id: string;
  definitionKey: string;
  definitionVersion: number;
  status: StepResult['state']['status'];
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
    const event = {
      type: 'start',
      params: input.params ?? {},
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
    const parent =
      ended && input.parent ? { parent_id: input.parent.id, call_id: input.parent.callId } : null;
    const woke = await writeStepOutputs(rt, trx, id, 0, result, parent);
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

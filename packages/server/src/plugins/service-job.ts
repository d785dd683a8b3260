import {
  type Effect,
  EventRejected,
  SERVICE_COMPLETED_MESSAGE,
  type ServiceResult,
  validateValues,
} from '@baton/engine';
import { applyEvent } from '../instances/apply.ts';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import { NotFound } from '../runtime/errors.ts';
import { heldFile, instanceFileOwners } from '../uploads/store.ts';
import type { Service, ServiceContext } from './plugin.ts';
import type { Services } from './registry.ts';

type RunService = Extract<Effect, { type: 'runService' }>;

/** Thrown by `context.fail`: the service's answer is a BPMN error, not a failed attempt. */
class ServiceFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs a plugin's service for a waiting node, at least once (the job key is the idempotency key), and hands
 * the node its answer in the same transaction that finishes the job. An error thrown by the code is retried
 * with back-off; an answer that is not the declared outputs, or a type no plugin here provides, is final.
 */
export function serviceHandler(services: Services): JobHandler {
  return {
    kind: 'runService',
    async run(rt, job, finish) {
      const e = payloadOf<RunService>(job);
      const instanceId = job.instance_id;
      if (instanceId === null)
        throw new PermanentFailure(`${e.service} at ${e.nodeId}: the job names no instance`);
      const service = services.get(e.service);
      if (!service)
        throw new PermanentFailure(
          `${e.service} at ${e.nodeId}: no plugin on this server provides this activity`,
        );
      const file = async (id: string) => {
        const owners = await instanceFileOwners(rt.db.kysely, instanceId);
        const held = await heldFile(rt.db.kysely, owners, id).catch((error: unknown) => {
          throw error instanceof NotFound
            ? new PermanentFailure(`${e.service}: ${id} is no file of this process`)
            : error;
        });
        return { name: held.name, contentType: held.contentType, content: held.content };
      };
      const result = await answerOf(service, e.input, {
        instanceId,
        nodeId: e.nodeId,
        idempotencyKey: job.key,
        attempt: job.attempts,
        file,
      });
      const event = {
        type: 'message',
        name: SERVICE_COMPLETED_MESSAGE,
        correlationKey: e.key,
        payload: result,
      } as const;
      try {
        await applyEvent(rt, instanceId, event, finish);
      } catch (error) {
        // The node no longer waits (the process was terminated or moved on by a boundary event).
        if (error instanceof EventRejected || error instanceof NotFound) return finish();
        throw error;
      }
    },
  };
}

async function answerOf(
  service: Service,
  input: Record<string, unknown>,
  call: Omit<ServiceContext, 'signal' | 'fail'>,
): Promise<ServiceResult> {
  const { type, outputs } = service.descriptor;
  const signal = AbortSignal.timeout(service.timeoutMs);
  const fail = (code: string, message: string): never => {
    throw new ServiceFailed(code, message);
  };
  let output: unknown;
  try {
    output = await Promise.race([service.run(input, { ...call, signal, fail }), timedOut(signal, type)]);
  } catch (error) {
    if (error instanceof ServiceFailed) return { error: { code: error.code, message: error.message } };
    throw error;
  }
  if (typeof output !== 'object' || output === null || Array.isArray(output))
    throw new PermanentFailure(
      `${type} answered ${JSON.stringify(output) ?? 'nothing'}, not an object of its outputs`,
    );
  const { values, problems } = validateValues(outputs, output as Record<string, unknown>, {
    prefix: 'output',
    partial: true,
  });
  if (problems.length > 0)
    throw new PermanentFailure(
      `${type} answered ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  return { output: values };
}

/** Rejects when the call's time is up, even if the code ignores its signal. */
function timedOut(signal: AbortSignal, type: string): Promise<never> {
  return new Promise((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error(`${type} did not answer in time`)), {
      once: true,
    }),
  );
}

import { EventRejected } from '@baton/engine';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { applyEvent } from '../instances/apply.ts';
import type { Runtime } from '../runtime/context.ts';
import { NotFound } from '../runtime/errors.ts';

export interface Message {
  name: string;
  /** Matches subscriptions with this key and those with none; absent matches only those with none. */
  correlationKey?: string | null | undefined;
  payload?: Record<string, unknown> | undefined;
}

/** Subscriptions looked at per message: rows left by an instance that moved on are skipped. */
const CANDIDATES = 20;

/**
 * Delivers a message to the instance that subscribed first (by subscription time) and still waits for
 * it. Throws NotFound (404, code MESSAGE_NOT_CORRELATED) when no instance waits. Process administrators
 * (and integrations acting as one) only: a message can drive any instance.
 */
export async function correlate(
  rt: Runtime,
  caller: Caller,
  message: Message,
): Promise<{ instanceId: string }> {
  demand(caller, 'administerProcesses', 'sending messages to instances');
  const key = message.correlationKey ?? null;
  const candidates = await rt.db.kysely
    .selectFrom('message_subscriptions')
    .select('instance_id')
    .where('name', '=', message.name)
    .where((eb) =>
      key === null
        ? eb('correlation_key', 'is', null)
        : eb.or([eb('correlation_key', '=', key), eb('correlation_key', 'is', null)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .limit(CANDIDATES)
    .execute();
  const event = {
    type: 'message',
    name: message.name,
    correlationKey: key,
    payload: message.payload ?? {},
  } as const;
  for (const instanceId of new Set(candidates.map((c) => c.instance_id))) {
    try {
      await applyEvent(rt, instanceId, event);
      return { instanceId };
    } catch (error) {
      // Another request took this wait first, or the instance ended: try the next subscriber.
      if (!(error instanceof EventRejected || error instanceof NotFound)) throw error;
    }
  }
  throw new MessageNotCorrelated(message.name, key);
}

export class MessageNotCorrelated extends Error {
  readonly statusCode = 404;
  readonly code = 'MESSAGE_NOT_CORRELATED';
  constructor(name: string, key: string | null) {
    super(`no instance waits for message "${name}"${key === null ? '' : ` with correlation key "${key}"`}`);
    this.name = 'MessageNotCorrelated';
  }
}

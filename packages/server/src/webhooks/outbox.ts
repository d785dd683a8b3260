import type { HistoryEvent } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { taskKey } from '../instances/effects.ts';
import { enqueue, type NewJob } from '../jobs/enqueue.ts';
import { announceJobs } from '../jobs/notify-channel.ts';
import type { Runtime } from '../runtime/context.ts';
import { type OutgoingEvent, PROCESS_EVENTS, type WebhookEvent } from './events.ts';
import { activeWebhooks, type Webhook } from './subscriptions.ts';

export const EVENT_WEBHOOK_JOB = 'eventWebhook';

/** An `eventWebhook` job's payload: which webhook, and the event it sends. */
export interface EventDelivery {
  webhookId: string;
  event: WebhookEvent;
  at: number;
  data: Record<string, unknown>;
}

/** The deliveries of `events` to the webhooks that take them, each keyed by event and webhook. */
function deliveries(hooks: readonly Webhook[], events: readonly OutgoingEvent[]): NewJob[] {
  const jobs: NewJob[] = [];
  for (const e of events)
    for (const hook of hooks) {
      if (!hook.events.includes(e.event)) continue;
      if (
        hook.definitionKey !== null &&
        PROCESS_EVENTS.has(e.event) &&
        hook.definitionKey !== e.definitionKey
      )
        continue;
      const payload: EventDelivery = { webhookId: hook.id, event: e.event, at: e.at, data: e.data };
      jobs.push({
        kind: EVENT_WEBHOOK_JOB,
        key: `${e.key}>${hook.id}`,
        instanceId: e.instanceId,
        payload,
        dueAt: e.at,
      });
    }
  return jobs;
}

/**
 * A step's deliveries, as jobs for its transaction: the events and their sending commit together (at
 * least once). Without active webhooks (the usual case) nothing is looked at.
 */
export async function stepEventJobs(
  rt: Runtime,
  trx: Kysely<Database>,
  instance: { id: string; definitionKey: string },
  historySeq: number,
  history: readonly HistoryEvent[],
): Promise<NewJob[]> {
  const hooks = await activeWebhooks(rt, trx);
  return hooks.length === 0
    ? []
    : deliveries(hooks, processEvents(instance.id, instance.definitionKey, historySeq, history));
}

/** A step's process events (started, ended, a task created or completed), from its history. */
function processEvents(
  instanceId: string,
  definitionKey: string,
  historySeq: number,
  history: readonly HistoryEvent[],
): OutgoingEvent[] {
  const events: OutgoingEvent[] = [];
  history.forEach((h, i) => {
    if (!PROCESS_EVENTS.has(h.type)) return;
    events.push({
      event: h.type as WebhookEvent,
      key: `${instanceId}:h${historySeq + i}`,
      at: h.at,
      instanceId,
      definitionKey,
      data: {
        instanceId,
        definitionKey,
        ...(h.nodeId !== undefined && { nodeId: h.nodeId }),
        ...(h.taskId !== undefined && { taskId: taskKey(instanceId, h.taskId) }),
        ...(h.actor !== undefined && { actor: h.actor }),
        ...h.data,
      },
    });
  });
  return events;
}

/** What a deal or lead event says about it. */
export interface ItemMoment {
  entity: 'deal' | 'lead';
  id: string;
  title: string;
  pipelineId: string;
  stage: { id: string; name: string; kind: string };
  /** The stage it left (a move). */
  fromStageId?: string;
  amount: number | null;
  currency: string;
  responsibleId: string;
  /** Its visit of the stage (1 when created): the event's key. */
  seq: number;
  at: number;
  actor: string;
}

/** A deal or lead created (its first stage) or moved to another stage. */
export function itemEvent(m: ItemMoment): OutgoingEvent {
  const { entity, seq, at, stage, fromStageId, ...item } = m;
  return {
    event: `${entity}.${seq === 1 ? 'created' : 'moved'}`,
    key: `${entity}:${m.id}:s${seq}`,
    at,
    instanceId: null,
    definitionKey: null,
    data: {
      ...item,
      stageId: stage.id,
      stageName: stage.name,
      stageKind: stage.kind,
      ...(fromStageId !== undefined && { fromStageId }),
    },
  };
}

/** Queues the deliveries of `events` in `trx` (a CRM write's). */
export async function queueEvents(rt: Runtime, trx: Kysely<Database>, events: readonly OutgoingEvent[]) {
  const jobs = deliveries(await activeWebhooks(rt, trx), events);
  if (jobs.length === 0) return;
  await enqueue(trx, jobs, rt.now());
  await announceJobs(rt.db, trx);
}

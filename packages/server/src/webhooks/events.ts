/** The events a webhook may be sent: a process's life, its tasks, and deals and leads arriving and moving. */
export const WEBHOOK_EVENTS = [
  'instance.started',
  'instance.completed',
  'instance.failed',
  'instance.terminated',
  'task.created',
  'task.completed',
  'deal.created',
  'deal.moved',
  'lead.created',
  'lead.moved',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** Events of processes, which a webhook may narrow to one template. */
export const PROCESS_EVENTS: ReadonlySet<string> = new Set(
  WEBHOOK_EVENTS.filter((e) => !/^(deal|lead)\./.test(e)),
);

/** One event as it is sent: `data` says what it is about (ids and the few fields a receiver routes by). */
export interface OutgoingEvent {
  event: WebhookEvent;
  /** Unique per event, stable across retries: with the webhook's id, the delivery's idempotency key. */
  key: string;
  at: number;
  /** The instance a process event is about (its job belongs to it); null for CRM events. */
  instanceId: string | null;
  /** The template of a process event, for webhooks narrowed to one. */
  definitionKey: string | null;
  data: Record<string, unknown>;
}

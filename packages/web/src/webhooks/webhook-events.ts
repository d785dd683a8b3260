import type { WebhookEvent } from '../api/webhooks.ts';

export type EventGroup = 'processes' | 'tasks' | 'deals' | 'leads';

/**
 * Each event's group, in the order the form and the cards show them: a record, so an event the server
 * adds fails to compile here until it has a place.
 */
const GROUP_OF: Record<WebhookEvent, EventGroup> = {
  'instance.started': 'processes',
  'instance.completed': 'processes',
  'instance.failed': 'processes',
  'instance.terminated': 'processes',
  'task.created': 'tasks',
  'task.completed': 'tasks',
  'deal.created': 'deals',
  'deal.moved': 'deals',
  'lead.created': 'leads',
  'lead.moved': 'leads',
};

export const WEBHOOK_EVENTS = Object.keys(GROUP_OF) as WebhookEvent[];

/** The form's fieldsets: each group with its events, in order. */
export const EVENT_GROUPS: readonly { group: EventGroup; events: readonly WebhookEvent[] }[] = (
  ['processes', 'tasks', 'deals', 'leads'] as const
).map((group) => ({ group, events: WEBHOOK_EVENTS.filter((e) => GROUP_OF[e] === group) }));

/** `events` in the form's order, once each: checkboxes are ticked in any order, the server refuses repeats. */
export function inEventOrder(events: readonly WebhookEvent[]): WebhookEvent[] {
  const picked = new Set(events);
  return WEBHOOK_EVENTS.filter((e) => picked.has(e));
}

/** The key in webhooks.json of an event's readable name: `instance.started` → `events.instance.started`. */
export const eventLabelKey = (event: WebhookEvent): string => `events.${event}`;

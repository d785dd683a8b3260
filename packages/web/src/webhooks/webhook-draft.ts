import type { EventWebhook, WebhookBody, WebhookEvent } from '../api/webhooks.ts';
import { inEventOrder } from './webhook-events.ts';

/** What the webhook dialog edits. */
export interface WebhookDraft {
  url: string;
  events: WebhookEvent[];
  /** Process and task events of this template only; null: of every template. */
  definitionKey: string | null;
  active: boolean;
}

export function newWebhookDraft(): WebhookDraft {
  return { url: '', events: [], definitionKey: null, active: true };
}

export function draftOfWebhook(hook: EventWebhook): WebhookDraft {
  return { url: hook.url, events: hook.events, definitionKey: hook.definitionKey, active: hook.active };
}

/** The whole body POST and PUT take: the URL trimmed, the events in order. */
export function webhookBody(draft: WebhookDraft): WebhookBody {
  return {
    url: draft.url.trim(),
    events: inEventOrder(draft.events),
    definitionKey: draft.definitionKey,
    active: draft.active,
  };
}

/** A stored webhook's body with `active` changed: PUT replaces every setting, so the rest goes as it is. */
export function switchedWebhook(hook: EventWebhook, active: boolean): WebhookBody {
  return webhookBody({ ...draftOfWebhook(hook), active });
}

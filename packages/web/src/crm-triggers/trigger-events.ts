import {
  type Icon,
  IconCircleCheck,
  IconFileCheck,
  IconFileX,
  IconMailDown,
  IconWebhook,
} from '@tabler/icons-react';
import type { Pipeline } from '../api/crm.ts';
import type { Trigger, TriggerEvent } from '../api/crm-triggers.ts';
import { KIND_ICONS } from '../crm-activities/activity-kinds.ts';

type Entity = Pipeline['entity'];

/** What each event can happen to, in the order the form offers them: a quote is a deal's, never a lead's. */
const HAPPENS_TO: Record<TriggerEvent, readonly Entity[]> = {
  activityCompleted: ['deal', 'lead'],
  emailReceived: ['deal', 'lead'],
  quoteAccepted: ['deal'],
  quoteDeclined: ['deal'],
  webhook: ['deal', 'lead'],
};

const EVENT_ICONS: Record<TriggerEvent, Icon> = {
  activityCompleted: IconCircleCheck,
  emailReceived: IconMailDown,
  quoteAccepted: IconFileCheck,
  quoteDeclined: IconFileX,
  webhook: IconWebhook,
};

/**
 * The events a trigger of a pipeline of `entity` may listen to; `kept`, a stored trigger's own, stays
 * offered even where it does not belong, so editing does not silently change it.
 */
export function eventsFor(entity: Entity, kept?: TriggerEvent): TriggerEvent[] {
  return (Object.keys(HAPPENS_TO) as TriggerEvent[]).filter(
    (event) => event === kept || HAPPENS_TO[event].includes(entity),
  );
}

/** The icon of what sets a trigger off: a done activity of one kind shows that kind's. */
export function eventIcon(trigger: Pick<Trigger, 'event' | 'activityKind'>): Icon {
  if (trigger.event === 'activityCompleted' && trigger.activityKind) return KIND_ICONS[trigger.activityKind];
  return EVENT_ICONS[trigger.event];
}

/** The key in triggers.json of what sets it off in words: "A call done", "A client's letter". */
export function eventWords(trigger: Pick<Trigger, 'event' | 'activityKind'>): string {
  if (trigger.event === 'activityCompleted' && trigger.activityKind) return `done.${trigger.activityKind}`;
  return `events.${trigger.event}`;
}

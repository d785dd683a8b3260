import type { ActivityKind } from '../api/crm-activities.ts';
import type { Trigger, TriggerBody, TriggerEvent } from '../api/crm-triggers.ts';

/** What the trigger dialog edits; the activity's kind is kept while another event is picked. */
export interface TriggerDraft {
  name: string;
  /** Where the deal or lead moves. */
  stageId: string;
  event: TriggerEvent;
  /** activityCompleted: only activities of this kind; null: any. */
  activityKind: ActivityKind | null;
  /** Also move back from a later stage, and out of won or lost. */
  allowBackward: boolean;
  active: boolean;
}

export function newTriggerDraft(stageId: string): TriggerDraft {
  return {
    name: '',
    stageId,
    event: 'activityCompleted',
    activityKind: null,
    allowBackward: false,
    active: true,
  };
}

export function draftOfTrigger(trigger: Trigger): TriggerDraft {
  return {
    name: trigger.name,
    stageId: trigger.stageId,
    event: trigger.event,
    activityKind: trigger.activityKind,
    allowBackward: trigger.allowBackward,
    active: trigger.active,
  };
}

/** The full body POST and PUT take; the activity's kind only for a done activity. */
export function triggerBody(draft: TriggerDraft): TriggerBody {
  return {
    stageId: draft.stageId,
    name: draft.name.trim(),
    event: draft.event,
    activityKind: draft.event === 'activityCompleted' ? draft.activityKind : null,
    allowBackward: draft.allowBackward,
    active: draft.active,
  };
}

/** A stored trigger's full body with `active` changed: PUT replaces every setting. */
export function switchedTrigger(trigger: Trigger, active: boolean): TriggerBody {
  return triggerBody({ ...draftOfTrigger(trigger), active });
}

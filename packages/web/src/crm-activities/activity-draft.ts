import type { Activity, ActivityChanges, ActivityKind, NewActivity } from '../api/crm-activities.ts';
import { instantOfLocal, localDateTimeInput } from '../i18n/local-time.ts';

/** What the activity dialog edits: the deadline as its date and time inputs hold it (the reader's time zone). */
export interface ActivityDraft {
  kind: ActivityKind;
  title: string;
  date: string;
  time: string;
  responsibleId: string | null;
  comment: string;
}

const HOUR = 3_600_000;

/** The deadline as the two inputs hold it. */
function dueInputs(iso: string): Pick<ActivityDraft, 'date' | 'time'> {
  const local = localDateTimeInput(iso);
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** A new call for `responsibleId` (the deal's manager), due at the start of the hour after next. */
export function newActivityDraft(now: number, responsibleId: string | null): ActivityDraft {
  const due = new Date(now + HOUR);
  due.setMinutes(60, 0, 0);
  return { kind: 'call', title: '', ...dueInputs(due.toISOString()), responsibleId, comment: '' };
}

export function draftOfActivity(activity: Activity): ActivityDraft {
  return {
    kind: activity.kind,
    title: activity.title,
    ...dueInputs(activity.dueAt),
    responsibleId: activity.responsibleId,
    comment: activity.comment ?? '',
  };
}

/** What stops the draft from being sent, before the server is asked; null when nothing does. */
export type ActivityDraftProblem = 'title' | 'due' | null;

export function draftProblem(draft: ActivityDraft): ActivityDraftProblem {
  if (draft.title.trim() === '') return 'title';
  return instantOfLocal(draft.date, draft.time) === null ? 'due' : null;
}

const commentOf = (draft: ActivityDraft) => draft.comment.trim() || null;

/** The body that plans the draft on a deal or lead; with no one chosen the server picks the deal's manager. */
export function activityBody(dealId: string, draft: ActivityDraft): NewActivity {
  return {
    dealId,
    kind: draft.kind,
    title: draft.title.trim(),
    dueAt: instantOfLocal(draft.date, draft.time) ?? '',
    ...(draft.responsibleId ? { responsibleId: draft.responsibleId } : {}),
    comment: commentOf(draft),
  };
}

/** Only what the draft changed of the stored activity (a new deadline is watched anew). */
export function activityChanges(activity: Activity, draft: ActivityDraft): ActivityChanges {
  const changes: ActivityChanges = {};
  const dueAt = instantOfLocal(draft.date, draft.time);
  if (draft.kind !== activity.kind) changes.kind = draft.kind;
  if (draft.title.trim() !== activity.title) changes.title = draft.title.trim();
  if (dueAt !== null && Date.parse(dueAt) !== Date.parse(activity.dueAt)) changes.dueAt = dueAt;
  if (draft.responsibleId && draft.responsibleId !== activity.responsibleId)
    changes.responsibleId = draft.responsibleId;
  if (commentOf(draft) !== activity.comment) changes.comment = commentOf(draft);
  return changes;
}

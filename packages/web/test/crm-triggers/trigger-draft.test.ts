import { describe, expect, it } from 'vitest';
import type { Trigger } from '../../src/api/crm-triggers.ts';
import {
  draftOfTrigger,
  newTriggerDraft,
  switchedTrigger,
  triggerBody,
} from '../../src/crm-triggers/trigger-draft.ts';
import { eventsFor, eventWords } from '../../src/crm-triggers/trigger-events.ts';

const trigger = (over: Partial<Trigger> = {}): Trigger => ({
  id: 't1',
  pipelineId: 'p1',
  stageId: 's2',
  name: 'Call done',
  event: 'activityCompleted',
  activityKind: 'call',
  allowBackward: true,
  active: true,
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
  ...over,
});

describe('the trigger dialog', () => {
  it('starts at the stage it opened on: any done activity, forward only, on', () => {
    expect(triggerBody({ ...newTriggerDraft('s3'), name: '  Paid  ' })).toEqual({
      stageId: 's3',
      name: 'Paid',
      event: 'activityCompleted',
      activityKind: null,
      allowBackward: false,
      active: true,
    });
  });

  it('keeps the kind picked for a done activity while another event is tried, and sends none for it', () => {
    const draft = { ...draftOfTrigger(trigger()), event: 'webhook' as const };
    expect(draft.activityKind).toBe('call');
    expect(triggerBody(draft)).toMatchObject({ event: 'webhook', activityKind: null });
    expect(triggerBody({ ...draft, event: 'activityCompleted' }).activityKind).toBe('call');
  });

  it('switches a stored trigger off sending every other setting as it is', () => {
    expect(switchedTrigger(trigger(), false)).toEqual({
      stageId: 's2',
      name: 'Call done',
      event: 'activityCompleted',
      activityKind: 'call',
      allowBackward: true,
      active: false,
    });
  });
});

describe('the events a pipeline offers', () => {
  it('leaves the answers to a quote out for leads, unless a stored trigger already has one', () => {
    expect(eventsFor('deal')).toEqual([
      'activityCompleted',
      'emailReceived',
      'quoteAccepted',
      'quoteDeclined',
      'webhook',
    ]);
    expect(eventsFor('lead')).toEqual(['activityCompleted', 'emailReceived', 'webhook']);
    expect(eventsFor('lead', 'quoteAccepted')).toContain('quoteAccepted');
  });

  it('words a done activity by its kind, any kind by the event', () => {
    expect(eventWords(trigger())).toBe('done.call');
    expect(eventWords(trigger({ activityKind: null }))).toBe('events.activityCompleted');
    expect(eventWords(trigger({ event: 'webhook', activityKind: null }))).toBe('events.webhook');
  });
});

import { describe, expect, it } from 'vitest';
import {
  activityBody,
  activityChanges,
  draftOfActivity,
  draftProblem,
  newActivityDraft,
} from '../../src/crm-activities/activity-draft.ts';
import { instantOfLocal } from '../../src/i18n/local-time.ts';
import { activity } from './fixtures.ts';

const dueOf = (draft: { date: string; time: string }) => instantOfLocal(draft.date, draft.time);

describe('a new activity', () => {
  it('is a call for the manager, due on the hour at least an hour from now', () => {
    const now = new Date(2026, 4, 12, 14, 20).getTime();
    const draft = newActivityDraft(now, 'ivan');
    expect(draft).toMatchObject({ kind: 'call', title: '', responsibleId: 'ivan', comment: '' });
    expect(dueOf(draft)).toBe(new Date(2026, 4, 12, 16, 0).toISOString());
  });

  it('is planned on the deal with its title and comment trimmed, a blank comment none', () => {
    const draft = {
      ...newActivityDraft(Date.now(), 'ivan'),
      title: ' Call Pavel ',
      date: '2026-05-20',
      time: '10:30',
    };
    expect(activityBody('d1', draft)).toEqual({
      dealId: 'd1',
      kind: 'call',
      title: 'Call Pavel',
      dueAt: new Date(2026, 4, 20, 10, 30).toISOString(),
      responsibleId: 'ivan',
      comment: null,
    });
    expect(activityBody('d1', { ...draft, comment: ' Ask about the discount ' }).comment).toBe(
      'Ask about the discount',
    );
  });

  it("leaves whoever does it to the server (the deal's manager) when nobody is chosen", () => {
    const draft = { ...newActivityDraft(Date.now(), null), title: 'Call' };
    expect(activityBody('d1', draft)).not.toHaveProperty('responsibleId');
  });

  it('is not sent without a title, a date or a time', () => {
    const draft = { ...newActivityDraft(Date.now(), 'ivan'), title: 'Call' };
    expect(draftProblem(draft)).toBeNull();
    expect(draftProblem({ ...draft, title: '  ' })).toBe('title');
    expect(draftProblem({ ...draft, date: '' })).toBe('due');
    expect(draftProblem({ ...draft, time: '' })).toBe('due');
  });
});

describe('an activity changed', () => {
  const stored = activity({ comment: 'Ask about the discount' });

  it('sends nothing when nothing changed, its deadline read back from the inputs', () => {
    const draft = draftOfActivity(stored);
    expect(dueOf(draft)).toBe(stored.dueAt);
    expect(activityChanges(stored, draft)).toEqual({});
  });

  it('sends only what changed: a new deadline, another kind, the comment cleared', () => {
    const draft = {
      ...draftOfActivity(stored),
      date: '2026-05-14',
      time: '09:15',
      kind: 'meeting' as const,
      comment: '',
    };
    expect(activityChanges(stored, draft)).toEqual({
      kind: 'meeting',
      dueAt: new Date(2026, 4, 14, 9, 15).toISOString(),
      comment: null,
    });
  });

  it('sends another doer and a retitled one', () => {
    const draft = { ...draftOfActivity(stored), responsibleId: 'olga', title: 'Call Pavel back ' };
    expect(activityChanges(stored, draft)).toEqual({ responsibleId: 'olga', title: 'Call Pavel back' });
  });
});

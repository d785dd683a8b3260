import { describe, expect, it } from 'vitest';
import type { Pipeline } from '../../src/api/crm.ts';
import type { LeadItem } from '../../src/api/crm-leads.ts';
import {
  identifies,
  leadChangesOf,
  leadDraftOf,
  newLeadDraft,
  newLeadOf,
  rebaseLead,
} from '../../src/crm-leads/lead-draft.ts';
import { contactLine, personLine } from '../../src/crm-leads/lead-lines.ts';

const inbound: Pipeline = {
  id: 'lp',
  name: 'Inbound',
  sort: 1,
  entity: 'lead',
  stages: [
    { id: 'l1', name: 'Fresh', kind: 'open', color: '#228be6' },
    { id: 'l2', name: 'Converted', kind: 'won', color: '#40c057' },
    { id: 'l3', name: 'Junk', kind: 'lost', color: '#fa5252' },
  ],
};

const lead: LeadItem = {
  id: 'lead1',
  title: 'Anna Lebedeva, Roga i Kopyta',
  pipelineId: 'lp',
  stageId: 'l1',
  stageName: 'Fresh',
  stageKind: 'open',
  amount: null,
  currency: 'RUB',
  contactId: null,
  contactName: null,
  companyId: null,
  companyName: null,
  responsibleId: 'ivan',
  responsibleName: 'Ivan Petrov',
  comment: null,
  fields: {},
  version: 3,
  stageChangedAt: '2025-05-01T10:00:00.000Z',
  createdBy: 'ivan',
  createdAt: '2025-05-01T10:00:00.000Z',
  updatedAt: '2025-05-01T10:00:00.000Z',
  closedAt: null,
  name: 'Anna Lebedeva',
  companyTitle: 'Roga i Kopyta',
  phone: '+7 900 111-22-33',
  email: null,
  source: 'web form: Site',
  convertedDealId: null,
};

describe('a new lead', () => {
  it("starts at the pipeline's first stage, in roubles, with me responsible", () => {
    expect(newLeadDraft(inbound, 'ivan')).toMatchObject({
      pipelineId: 'lp',
      stageId: 'l1',
      currency: 'RUB',
      responsibleId: 'ivan',
      amount: '',
    });
  });

  it('is sent without the fields left empty, its texts trimmed', () => {
    const draft = { ...newLeadDraft(inbound, 'ivan'), name: ' Anna ', phone: '  ', amount: '1 500,5' };
    expect(newLeadOf(draft)).toEqual({
      name: 'Anna',
      amount: 1500.5,
      currency: 'RUB',
      pipelineId: 'lp',
      stageId: 'l1',
      responsibleId: 'ivan',
    });
  });

  it('needs a title, a name, a company, a phone or an e-mail to go by', () => {
    const empty = newLeadDraft(inbound, 'ivan');
    expect(identifies({ ...empty, source: 'Call', comment: 'Call back' })).toBe(false);
    expect(identifies({ ...empty, email: 'a@b.example' })).toBe(true);
  });
});

describe('changing a lead', () => {
  it('sends only what was changed; an emptied text clears it', () => {
    const draft = { ...leadDraftOf(lead), phone: '', email: 'anna@roga.example' };
    expect(leadChangesOf(lead, draft)).toEqual({ phone: null, email: 'anna@roga.example' });
  });

  it('sends nothing for an untouched form', () => {
    expect(leadChangesOf(lead, leadDraftOf(lead))).toEqual({});
  });

  it('never sends an emptied title (the lead keeps one)', () => {
    expect(leadChangesOf(lead, { ...leadDraftOf(lead), title: ' ' })).toEqual({});
  });

  it('carries my edits over to a newer version, taking the rest from it', () => {
    const mine = { ...leadDraftOf(lead), comment: 'Wants a quote' };
    const theirs = { ...lead, version: 4, phone: '+7 900 000-00-00', stageId: 'l3' };
    expect(rebaseLead(mine, lead, theirs)).toEqual({
      ...leadDraftOf(theirs),
      comment: 'Wants a quote',
    });
  });
});

describe("the lead's own fields", () => {
  const withFields = { ...lead, fields: { budget: 5000, channel: 'web' } };

  it('go with a new lead only when some are filled in', () => {
    const draft = { ...newLeadDraft(inbound, 'ivan'), title: 'A' };
    expect(newLeadOf({ ...draft, fields: { budget: null } })).not.toHaveProperty('fields');
    expect(newLeadOf({ ...draft, fields: { budget: 5000 } }).fields).toEqual({ budget: 5000 });
  });

  it('are sent whole when one changes, an emptied one left out', () => {
    const draft = { ...leadDraftOf(withFields), fields: { budget: null, channel: 'web', region: 'North' } };
    expect(leadChangesOf(withFields, draft)).toEqual({ fields: { channel: 'web', region: 'North' } });
  });

  it('are not sent when none changed, whatever their order', () => {
    const draft = { ...leadDraftOf(withFields), fields: { channel: 'web', budget: 5000, note: null } };
    expect(leadChangesOf(withFields, draft)).toEqual({});
  });

  it('keep my edits when carried over to a newer version, and take theirs when I made none', () => {
    const theirs = { ...withFields, version: 4, fields: { budget: 7000, channel: 'web' } };
    const mine = { ...leadDraftOf(withFields), fields: { budget: 6000, channel: 'web' } };
    expect(rebaseLead(mine, withFields, theirs).fields).toEqual({ budget: 6000, channel: 'web' });
    expect(rebaseLead(leadDraftOf(withFields), withFields, theirs).fields).toEqual(theirs.fields);
  });
});

describe('a lead card', () => {
  it('says who it is from and how to reach them, leaving out what is not known', () => {
    expect(personLine(lead)).toBe('Anna Lebedeva · Roga i Kopyta');
    expect(contactLine(lead)).toBe('+7 900 111-22-33');
    expect(personLine({ name: null, companyTitle: null })).toBe('');
  });
});

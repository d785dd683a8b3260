import { describe, expect, it } from 'vitest';
import type { Company, Contact } from '../../src/api/crm-parties.ts';
import {
  newPartyOf,
  type PartyDraft,
  partyChangesOf,
  partyDraftOf,
  summaryLines,
} from '../../src/crm/parties/party-fields.ts';

const contact: Contact = {
  id: 'c1',
  name: 'Pavel Orlov',
  phone: '+7 900 000-00-00',
  email: null,
  position: 'Buyer',
  companyId: 'co1',
  companyName: 'ACME',
  responsibleId: 'ivan',
  responsibleName: 'Ivan Petrov',
  comment: null,
  fields: { segment: 'Retail', score: 4, legacy: 'kept' },
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
  editable: true,
};

/** The draft with some of the kind's own fields changed. */
const withBuiltIn = (draft: PartyDraft, change: Record<string, string | null>): PartyDraft => ({
  ...draft,
  builtIn: { ...draft.builtIn, ...change },
});

describe('a contact or company in the form', () => {
  it("starts empty for a new one, with what is preset (the company's page names it)", () => {
    expect(partyDraftOf('contacts', undefined, { companyId: 'co1' })).toEqual({
      builtIn: {
        name: '',
        position: '',
        phone: '',
        email: '',
        companyId: 'co1',
        responsibleId: null,
        comment: '',
      },
      fields: {},
    });
  });

  it("starts with the record's own values, a copy the form may change", () => {
    const draft = partyDraftOf('contacts', contact);
    expect(draft.fields).toEqual({ segment: 'Retail', score: 4, legacy: 'kept' });
    expect(draft.fields).not.toBe(contact.fields);
  });

  it('is created from the fields filled in, trimmed', () => {
    const draft = withBuiltIn(partyDraftOf('companies'), { name: ' ACME ', taxId: '7701234567', email: ' ' });
    expect(newPartyOf('companies', draft)).toEqual({ name: 'ACME', taxId: '7701234567' });
  });

  it("is created with the company's fields holding a value, the emptied ones left out", () => {
    const draft = withBuiltIn(partyDraftOf('companies'), { name: 'ACME' });
    expect(newPartyOf('companies', { ...draft, fields: { industry: 'Retail', size: null } })).toEqual({
      name: 'ACME',
      fields: { industry: 'Retail' },
    });
  });

  it('sends only what changed; an emptied field is cleared', () => {
    const draft = withBuiltIn(partyDraftOf('contacts', contact), { phone: '', email: 'pavel@acme.example' });
    expect(partyChangesOf('contacts', contact, draft)).toEqual({ phone: null, email: 'pavel@acme.example' });
    expect(partyChangesOf('contacts', contact, partyDraftOf('contacts', contact))).toEqual({});
  });

  it("sends the company's fields all together once one changed, an emptied one left out", () => {
    const draft = partyDraftOf('contacts', contact);
    const changed = { ...draft, fields: { ...draft.fields, segment: null, score: 5 } };
    expect(partyChangesOf('contacts', contact, changed)).toEqual({ fields: { legacy: 'kept', score: 5 } });
  });

  it("sends no fields when they only differ in their keys' order or in emptied ones", () => {
    const draft = {
      ...partyDraftOf('contacts', contact),
      fields: { legacy: 'kept', score: 4, segment: 'Retail', note: null },
    };
    expect(partyChangesOf('contacts', contact, draft)).toEqual({});
  });
});

describe("a list card's lines", () => {
  it("say a contact's position and company, then how to reach them", () => {
    expect(summaryLines('contacts', contact)).toEqual(['Buyer · ACME', '+7 900 000-00-00']);
  });

  it('leave out lines with nothing to say', () => {
    const company = { name: 'ACME', taxId: null, phone: null, email: 'info@acme.example' } as Company;
    expect(summaryLines('companies', company)).toEqual(['info@acme.example']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Company, Contact } from '../../src/api/crm-parties.ts';
import {
  newPartyOf,
  partyChangesOf,
  partyDraftOf,
  summaryLines,
} from '../../src/crm/parties/party-fields.ts';

const contact = {
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
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
} as Contact;

describe('a contact or company in the form', () => {
  it("starts empty for a new one, with what is preset (the company's page names it)", () => {
    expect(partyDraftOf('contacts', undefined, { companyId: 'co1' })).toEqual({
      name: '',
      position: '',
      phone: '',
      email: '',
      companyId: 'co1',
      responsibleId: null,
      comment: '',
    });
  });

  it('is created from the fields filled in, trimmed', () => {
    const draft = { ...partyDraftOf('companies'), name: ' ACME ', taxId: '7701234567', email: ' ' };
    expect(newPartyOf('companies', draft)).toEqual({ name: 'ACME', taxId: '7701234567' });
  });

  it('sends only what changed; an emptied field is cleared', () => {
    const draft = { ...partyDraftOf('contacts', contact), phone: '', email: 'pavel@acme.example' };
    expect(partyChangesOf('contacts', contact, draft)).toEqual({ phone: null, email: 'pavel@acme.example' });
    expect(partyChangesOf('contacts', contact, partyDraftOf('contacts', contact))).toEqual({});
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

import { describe, expect, it } from 'vitest';
import {
  clientAddress,
  letterBody,
  letterProblem,
  newLetterDraft,
  replyDraft,
  replySubject,
  usableMailboxes,
} from '../../src/crm-mail/letter-draft.ts';
import { MAX_LETTER_BYTES } from '../../src/crm-mail/letter-files.ts';
import { incoming, mailbox } from './fixtures.ts';

const company = mailbox({ id: 'company' });
const mine = mailbox({ id: 'mine', ownerId: 'ivan' });
const annas = mailbox({ id: 'annas', ownerId: 'anna' });
const off = mailbox({ id: 'off', enabled: false });

describe('the mailboxes a letter may go from', () => {
  it('are the enabled company ones and my own, mine first (as the server picks when none is named)', () => {
    const usable = usableMailboxes([company, annas, off, mine], 'ivan');
    expect(usable.map((m) => m.id)).toEqual(['mine', 'company']);
  });
});

describe('a reply', () => {
  it('answers the subject with "Re: "', () => {
    expect(replySubject('Forklift prices')).toBe('Re: Forklift prices');
  });

  it('keeps a subject that already answers something, however written', () => {
    expect(replySubject('RE: Forklift prices')).toBe('RE: Forklift prices');
    expect(replySubject(' re:prices ')).toBe('re:prices');
  });

  it('answers an empty subject with "Re:" alone', () => {
    expect(replySubject('')).toBe('Re:');
  });

  it('goes to the sender, from the mailbox the letter came to, answering it', () => {
    const draft = replyDraft(incoming({ mailboxId: 'company' }), [mine, company]);
    expect(draft).toEqual({
      mailboxId: 'company',
      to: 'pavel@acme.test',
      cc: '',
      subject: 'Re: Forklift prices',
      text: '',
      files: [],
      replyToId: 'e1',
    });
  });

  it('goes from my first mailbox when I may not write from the one it came to', () => {
    expect(replyDraft(incoming({ mailboxId: 'annas' }), [mine, company]).mailboxId).toBe('mine');
  });
});

describe('a new letter', () => {
  it("goes to the lead's own address before its contact's and company's", () => {
    expect(
      clientAddress({ own: 'lead@acme.test', contact: 'pavel@acme.test', company: 'info@acme.test' }),
    ).toBe('lead@acme.test');
  });

  it("goes to the contact's address, else the company's, else nobody", () => {
    expect(clientAddress({ own: null, contact: ' pavel@acme.test ', company: 'info@acme.test' })).toBe(
      'pavel@acme.test',
    );
    expect(clientAddress({ contact: '', company: 'info@acme.test' })).toBe('info@acme.test');
    expect(clientAddress({ contact: null })).toBeNull();
  });

  it('starts to the client from the first usable mailbox', () => {
    expect(newLetterDraft('pavel@acme.test', [mine, company])).toEqual({
      mailboxId: 'mine',
      to: 'pavel@acme.test',
      cc: '',
      subject: '',
      text: '',
      files: [],
      replyToId: null,
    });
    expect(newLetterDraft(null, [])).toMatchObject({ mailboxId: null, to: '' });
  });

  it('needs a recipient and a subject', () => {
    const draft = newLetterDraft(null, [company]);
    expect(letterProblem(draft)).toBe('to');
    expect(letterProblem({ ...draft, to: ' , ' })).toBe('to');
    expect(letterProblem({ ...draft, to: 'pavel@acme.test' })).toBe('subject');
    expect(letterProblem({ ...draft, to: 'pavel@acme.test', subject: 'Prices' })).toBeNull();
  });

  it('is not sent with files taking more than a letter may carry', () => {
    const draft = { ...newLetterDraft('pavel@acme.test', [company]), subject: 'Prices' };
    const big = new File([new Uint8Array(MAX_LETTER_BYTES + 1)], 'big.bin');
    expect(letterProblem({ ...draft, files: [big] })).toBe('files');
  });

  it('is sent with the addresses split, the subject trimmed and no empty copy', () => {
    const draft = {
      ...newLetterDraft('a@acme.test, b@acme.test', [company]),
      subject: ' Prices ',
      text: 'Hello',
    };
    expect(letterBody('d1', draft, [])).toEqual({
      dealId: 'd1',
      mailboxId: 'company',
      to: ['a@acme.test', 'b@acme.test'],
      subject: 'Prices',
      text: 'Hello',
    });
  });

  it('carries the files as read, none when there are none', () => {
    const draft = { ...newLetterDraft('a@acme.test', [company]), subject: 'Prices' };
    const offer = { filename: 'offer.pdf', contentType: 'application/pdf', content: 'JVBERi0=' };
    expect(letterBody('d1', draft, [offer]).attachments).toEqual([offer]);
    expect(letterBody('d1', draft, [])).not.toHaveProperty('attachments');
  });

  it('sends copies and the letter answered', () => {
    const draft = { ...replyDraft(incoming(), [company]), cc: 'boss@firm.test' };
    expect(letterBody('d1', draft, [])).toMatchObject({ cc: ['boss@firm.test'], replyToId: 'e1' });
  });

  it('leaves the mailbox to the server when there is none to choose', () => {
    const draft = { ...newLetterDraft('a@acme.test', []), subject: 'Prices' };
    expect(letterBody('d1', draft, [])).not.toHaveProperty('mailboxId');
  });
});

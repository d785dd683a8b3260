import { describe, expect, it } from 'vitest';
import {
  mailboxChanges,
  mailboxDraftOf,
  mailboxInput,
  newMailboxDraft,
  newSmtpDraft,
} from '../../src/crm-mail/mailbox-draft.ts';
import { mailbox } from './fixtures.ts';

const filled = (company: boolean) => ({
  ...newMailboxDraft(company, 'ivan'),
  name: ' Sales ',
  address: ' sales@firm.test ',
  imap: { host: ' imap.firm.test ', port: '', tls: false, user: ' sales ', password: 's3cret', folder: ' ' },
});

describe('a new mailbox', () => {
  it("is the company's for whoever manages the CRM, over IMAP with TLS on 993, checked every 5 minutes", () => {
    expect(newMailboxDraft(true, 'ivan')).toMatchObject({
      owner: { kind: 'company' },
      imap: { port: 993, tls: true, folder: 'INBOX' },
      smtp: null,
      leads: null,
      enabled: true,
      checkEveryMinutes: 5,
    });
  });

  it("is the person's own for anyone else", () => {
    expect(newMailboxDraft(false, 'ivan').owner).toEqual({ kind: 'person', id: 'ivan' });
  });

  it('is connected with texts trimmed, an empty port and folder as the defaults', () => {
    expect(mailboxInput(filled(true), true)).toEqual({
      name: 'Sales',
      address: 'sales@firm.test',
      ownerId: null,
      imap: {
        host: 'imap.firm.test',
        port: 993,
        tls: false,
        user: 'sales',
        password: 's3cret',
        folder: 'INBOX',
      },
      smtp: null,
      leadPipelineId: null,
      leadResponsibleId: null,
      enabled: true,
      checkEveryMinutes: 5,
    });
  });

  it('names no owner when its connector may not choose: the server makes it theirs', () => {
    expect(mailboxInput(filled(false), false)).not.toHaveProperty('ownerId');
  });

  it('names a colleague as its owner when whoever manages the CRM chose one', () => {
    const draft = { ...filled(true), owner: { kind: 'person' as const, id: 'anna' } };
    expect(mailboxInput(draft, true).ownerId).toBe('anna');
  });

  it('sends its own SMTP server and the lead pipeline and manager for unknown senders', () => {
    const draft = {
      ...filled(true),
      smtp: { ...newSmtpDraft(), host: 'smtp.firm.test', user: 'sales', password: 'out' },
      leads: { pipelineId: 'p1', responsibleId: 'anna' },
      checkEveryMinutes: 15,
    };
    expect(mailboxInput(draft, true)).toMatchObject({
      smtp: { host: 'smtp.firm.test', port: 465, tls: true, user: 'sales', password: 'out' },
      leadPipelineId: 'p1',
      leadResponsibleId: 'anna',
      checkEveryMinutes: 15,
    });
  });
});

describe('a stored mailbox', () => {
  const stored = mailbox({
    ownerId: 'ivan',
    ownerName: 'Ivan Petrov',
    smtp: { host: 'smtp.firm.test', port: 587, tls: false, user: 'sales' },
    leadPipelineId: 'p1',
  });

  it('is edited as stored, its passwords empty', () => {
    expect(mailboxDraftOf(stored)).toEqual({
      name: 'Sales',
      address: 'sales@firm.test',
      owner: { kind: 'person', id: 'ivan' },
      imap: { host: 'imap.firm.test', port: 993, tls: true, user: 'sales', password: '', folder: 'INBOX' },
      smtp: { host: 'smtp.firm.test', port: 587, tls: false, user: 'sales', password: '' },
      leads: { pipelineId: 'p1', responsibleId: null },
      enabled: true,
      checkEveryMinutes: 5,
    });
  });

  it('keeps its passwords when they are left empty', () => {
    const changes = mailboxChanges(mailboxDraftOf(stored), false);
    expect(changes.imap).not.toHaveProperty('password');
    expect(changes.smtp).not.toHaveProperty('password');
  });

  it('gets the passwords typed anew', () => {
    const draft = mailboxDraftOf(stored);
    const changes = mailboxChanges({ ...draft, imap: { ...draft.imap, password: 'new' } }, false);
    expect(changes.imap).toMatchObject({ password: 'new' });
  });

  it("goes back to Baton's SMTP server and stops making leads", () => {
    const draft = { ...mailboxDraftOf(stored), smtp: null, leads: null };
    expect(mailboxChanges(draft, true)).toMatchObject({
      ownerId: 'ivan',
      smtp: null,
      leadPipelineId: null,
      leadResponsibleId: null,
    });
  });
});

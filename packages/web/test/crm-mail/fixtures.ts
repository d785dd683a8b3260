import type { EmailDetail, Mailbox } from '../../src/api/crm-mail.ts';

/** The company's sales mailbox as the server answers it; `over` changes fields. */
export function mailbox(over: Partial<Mailbox> = {}): Mailbox {
  return {
    id: 'm1',
    name: 'Sales',
    address: 'sales@firm.test',
    ownerId: null,
    ownerName: null,
    imap: { host: 'imap.firm.test', port: 993, tls: true, user: 'sales', folder: 'INBOX' },
    smtp: null,
    leadPipelineId: null,
    leadResponsibleId: null,
    enabled: true,
    checkEveryMinutes: 5,
    checkedAt: null,
    lastError: null,
    editable: true,
    createdAt: '2026-05-11T09:00:00.000Z',
    updatedAt: '2026-05-11T09:00:00.000Z',
    ...over,
  };
}

/** A client's letter that came to the sales mailbox on a deal; `over` changes fields. */
export function incoming(over: Partial<EmailDetail> = {}): EmailDetail {
  return {
    id: 'e1',
    dealId: 'd1',
    dealTitle: 'Forklifts for ACME',
    entity: 'deal',
    mailboxId: 'm1',
    mailboxName: 'Sales',
    direction: 'in',
    from: { address: 'pavel@acme.test', name: 'Pavel Orlov' },
    to: [{ address: 'sales@firm.test', name: null }],
    cc: [],
    subject: 'Forklift prices',
    preview: 'What would three cost?',
    sentAt: '2026-05-12T09:00:00.000Z',
    status: 'received',
    error: null,
    attachments: [],
    createdBy: null,
    createdAt: '2026-05-12T09:01:00.000Z',
    text: 'What would three cost?',
    ...over,
  };
}

import { afterAll, beforeAll, expect } from 'vitest';
import { type Api, apiSuite, type Dialect } from '../api-harness.ts';
import { createLeadPipeline, createPipeline, type PipelineBody } from './crm.ts';
import { type ImapServer, startImapServer } from './imap-server.ts';
import { addPeople } from './org.ts';
import { asUser, type Session } from './people.ts';
import { type SmtpReceiver, startSmtpReceiver } from './smtp-receiver.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 86_400_000;

/** What the CRM mail suites share: a real IMAP server, an SMTP receiver, people, pipelines and helpers. */
export interface MailSuite {
  api: () => Api;
  dialect: Dialect;
  imap: () => ImapServer;
  smtp: () => SmtpReceiver;
  sales: () => PipelineBody;
  inbound: () => PipelineBody;
  ivan: Session['call'];
  petr: Session['call'];
  /** A mailbox address of this dialect's run (the two runs share one Dovecot). */
  box(name: string): string;
  imapOf(
    user: string,
    password?: string,
  ): { host: string; port: number; tls: boolean; user: string; password: string };
  connect(
    call: Session['call'],
    body: Record<string, unknown>,
  ): Promise<{ id: string } & Record<string, unknown>>;
  lettersOn(
    call: Session['call'],
    dealId: string,
  ): Promise<{ id: string; subject: string; direction: string; status: string }[]>;
  /** A letter's date: a minute before the runtime's clock. */
  date(): Date;
}

/**
 * Declares a CRM mail suite on both dialects against Dovecot (`imap-server.ts`) and a local SMTP
 * receiver: olga heads sales with ivan in it, petr is elsewhere; a deal pipeline and a lead pipeline.
 */
export function mailSuite(name: string, body: (s: MailSuite) => void): void {
  let imap: ImapServer;
  let smtp: SmtpReceiver;
  beforeAll(async () => {
    [imap, smtp] = await Promise.all([startImapServer(), startSmtpReceiver()]);
  });
  afterAll(async () => {
    await Promise.all([imap?.close(), smtp?.close()]);
  });
  apiSuite(name, (api, dialect) => {
    let sales: PipelineBody;
    let inbound: PipelineBody;
    const as = (id: string) => asUser(() => api().app, id);
    const box = (user: string) => `${user}.${dialect}@firm.test`;
    beforeAll(async () => {
      await addPeople(api(), {
        departments: [{ id: 'sales', head: 'olga' }],
        users: [
          { id: 'olga', departmentId: 'sales', canSignIn: true },
          { id: 'ivan', departmentId: 'sales', canSignIn: true },
          { id: 'petr', canSignIn: true },
        ],
      });
      sales = await createPipeline(api().call);
      inbound = await createLeadPipeline(api().call, 'Requests');
      await Promise.all(['sales', 'ivan', 'other'].map((u) => imap.addUser(box(u), 'secret')));
    });
    body({
      api,
      dialect,
      imap: () => imap,
      smtp: () => smtp,
      sales: () => sales,
      inbound: () => inbound,
      ivan: as('ivan'),
      petr: as('petr'),
      box,
      imapOf: (user, password = 'secret') => ({
        host: imap.host,
        port: imap.port,
        tls: false,
        user,
        password,
      }),
      async connect(call, request) {
        const res = await call('POST', '/api/v1/crm/mailboxes', request);
        expect(res.statusCode, res.body).toBe(201);
        return res.json();
      },
      async lettersOn(call, dealId) {
        const res = await call('GET', `/api/v1/crm/emails?dealId=${dealId}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json().items;
      },
      date: () => new Date(api().clock.now - MINUTE),
    });
  });
}

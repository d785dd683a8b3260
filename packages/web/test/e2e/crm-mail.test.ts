import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImapServer, startImapServer } from '../../../server/test/support/imap-server.ts';
import { type SmtpReceiver, startSmtpReceiver } from '../../../server/test/support/smtp-receiver.ts';
import { createDeal, createParty, createPipeline } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, SETUP_TIMEOUT, screenshot, switchToRussian } from './support.ts';

interface MailboxBody {
  ownerId: string | null;
  imap: { host: string; port: number; tls: boolean; user: string; folder: string };
  smtp: { host: string; port: number; tls: boolean; user: string } | null;
  leadPipelineId: string | null;
}

const IMAP_USER = 'ivan';
const IMAP_PASSWORD = 'imap-s3cret';
const SMTP_LOGIN = { user: 'ivan', password: 'smtp-s3cret' };
const PRICES = 'Forklift prices';
const OFFER = 'Our offer';
const OFFER_FILE = { name: 'offer.txt', content: '3 x FL-15: 3,900.' };

/**
 * A sales manager on a phone connects his own mailbox (IMAP and its own SMTP server, both on this
 * machine, without TLS): a wrong password is said at its field. A client's letter and a stranger's come
 * in; "Check now" takes the first onto the client's deal, with an activity linking to it, and makes a
 * lead of the second. He reads the letter and its attachment, replies (queued, then sent through the
 * mailbox's SMTP server, which completes the activity), writes to the client with a file attached, and
 * writes to the lead; in Russian too.
 */
describe('CRM mail on a phone', () => {
  let imap: ImapServer;
  let smtp: SmtpReceiver;
  let dealUrl = '';
  let inboundId = '';
  const stage = suiteStage(async (server) => {
    imap = await startImapServer();
    await imap.addUser(IMAP_USER, IMAP_PASSWORD);
    smtp = await startSmtpReceiver([], SMTP_LOGIN);
    const sales = await createPipeline(server);
    const inbound = await server.api<{ id: string }>('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: [
        { name: 'Fresh', kind: 'open' },
        { name: 'Converted', kind: 'won' },
        { name: 'Junk', kind: 'lost' },
      ],
    });
    inboundId = inbound.id;
    const pavel = await createParty(server, 'contacts', {
      name: 'Pavel Orlov',
      email: 'pavel@acme.test',
      responsibleId: 'ivan',
    });
    const deal = await createDeal(server, {
      title: 'Forklifts for ACME',
      pipelineId: sales.id,
      responsibleId: 'ivan',
      contactId: pavel.id,
    });
    dealUrl = `/crm/deals/${deal.id}`;
  });
  afterAll(async () => {
    await imap?.close();
    await smtp?.close();
  });
  let page: Page;
  const dialog = (name: string) => page.getByRole('dialog', { name });
  const mail = () => page.getByRole('region', { name: 'Mail' });
  const letter = (subject: string) => mail().getByRole('listitem', { name: subject, exact: true });

  beforeAll(async () => {
    page = await stage.signIn(stage.company.employee, { viewport: PHONE });
  }, SETUP_TIMEOUT);

  it('connects his own mailbox from the form, told at the field that a password is wrong', async () => {
    await page.getByRole('button', { name: 'Open the menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Mailboxes' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Mailboxes' }).waitFor();
    await page.getByText('No mailboxes connected yet.').waitFor();
    await page.getByRole('button', { name: 'Connect a mailbox' }).click();
    const form = dialog('Connect a mailbox');
    await form.getByRole('textbox', { name: 'Name' }).fill('My mail');
    await form.getByRole('textbox', { name: 'Address' }).fill('ivan@firm.test');
    // Only whoever manages the CRM chooses whose a mailbox is.
    expect(await form.getByRole('switch', { name: 'Company mailbox' }).count()).toBe(0);

    const incoming = form.getByRole('group', { name: 'Incoming mail (IMAP)' });
    await incoming.getByRole('textbox', { name: 'Server' }).fill(imap.host);
    await incoming.getByRole('textbox', { name: 'Port' }).fill(String(imap.port));
    await incoming.getByRole('switch', { name: 'TLS' }).uncheck();
    await incoming.getByRole('textbox', { name: 'User' }).fill(IMAP_USER);
    await incoming.getByRole('textbox', { name: 'Password' }).fill('wrong');
    expect(await incoming.getByRole('textbox', { name: 'Folder' }).inputValue()).toBe('INBOX');

    await form.getByRole('switch', { name: 'Send through its own SMTP server' }).check();
    const outgoing = form.getByRole('group', { name: 'Outgoing mail (SMTP)' });
    await outgoing.getByRole('textbox', { name: 'Server' }).fill('127.0.0.1');
    await outgoing.getByRole('textbox', { name: 'Port' }).fill(String(smtp.port));
    await outgoing.getByRole('switch', { name: 'TLS' }).uncheck();
    await outgoing.getByRole('textbox', { name: 'User' }).fill(SMTP_LOGIN.user);
    await outgoing.getByRole('textbox', { name: 'Password' }).fill(SMTP_LOGIN.password);

    await form.getByRole('switch', { name: 'Make leads from letters of unknown senders' }).check();
    expect(await form.getByRole('combobox', { name: 'Lead pipeline' }).inputValue()).toBe('Inbound');
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-mailbox-form-phone', { fullPage: true });

    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await incoming.getByText('the server refused the user name or password').waitFor();
    await incoming.getByRole('textbox', { name: 'Password' }).fill(IMAP_PASSWORD);
    await form.getByRole('button', { name: 'Connect', exact: true }).click();
    await page.getByText('Mailbox “My mail” connected.').waitFor();
    await form.waitFor({ state: 'detached' });

    const card = page.getByRole('listitem', { name: 'My mail' });
    await card.getByText('ivan@firm.test').waitFor();
    await card.getByText("Ivan Petrov's own mailbox").waitFor();
    await card.getByText('Not checked yet · every 5 minutes').waitFor();
    const stored = await stage.server.api<{ items: MailboxBody[] }>('GET', '/api/v1/crm/mailboxes');
    expect(stored.items).toMatchObject([
      {
        ownerId: 'ivan',
        imap: { host: imap.host, port: imap.port, tls: false, user: IMAP_USER, folder: 'INBOX' },
        smtp: { host: '127.0.0.1', port: smtp.port, tls: false, user: SMTP_LOGIN.user },
        leadPipelineId: inboundId,
      },
    ]);
  });

  it("checks it now: the client's letter goes onto his deal, a stranger's makes a lead", async () => {
    await imap.deliver(IMAP_USER, {
      from: 'Pavel Orlov <pavel@acme.test>',
      to: 'ivan@firm.test',
      subject: PRICES,
      text: 'Hello Ivan,\nwhat would three forklifts cost?\nPavel',
      attachments: [{ filename: 'specs.txt', content: 'FL-15 x 3' }],
    });
    await imap.deliver(IMAP_USER, {
      from: 'Maria Lebedeva <maria@pallets.test>',
      to: 'ivan@firm.test',
      subject: 'Do you sell pallets?',
      text: 'We need two hundred.',
    });
    const card = page.getByRole('listitem', { name: 'My mail' });
    await card.getByRole('button', { name: 'Check now' }).click();
    await page.getByText('“My mail” checked: 2 new letters, 1 new lead.').waitFor();
    await card.getByText(/^Checked .+ · every 5 minutes$/).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-mailboxes-phone');
  });

  it('shows the letter on the deal, opens it whole from its activity, and downloads its attachment', async () => {
    await page.goto(dealUrl);
    const prices = letter(PRICES);
    await prices.getByRole('img', { name: 'Incoming' }).waitFor();
    await prices.getByText('From: Pavel Orlov <pavel@acme.test>').waitFor();
    await prices.getByText(/what would three forklifts cost/).waitFor();

    const download = page.waitForEvent('download');
    await prices.getByRole('link', { name: /^specs\.txt/ }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('specs.txt');
    expect(await readFile(await file.path(), 'utf8')).toBe('FL-15 x 3');

    const activity = page.getByRole('region', { name: 'Activities' }).getByRole('listitem', { name: PRICES });
    await activity.getByRole('link', { name: 'Open the letter' }).click();
    const read = dialog(PRICES);
    await read.getByText('Hello Ivan,\nwhat would three forklifts cost?\nPavel').waitFor();
    await read.getByText('To: ivan@firm.test').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-letter-phone');
  });

  it('replies: the answer is queued, goes out through the mailbox’s SMTP server, and the activity is done', async () => {
    await dialog(PRICES).getByRole('button', { name: 'Reply' }).click();
    const reply = dialog(`Reply: ${PRICES}`);
    expect(await reply.getByRole('textbox', { name: 'To' }).inputValue()).toBe('pavel@acme.test');
    expect(await reply.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(`Re: ${PRICES}`);
    await reply.getByRole('textbox', { name: 'Text' }).fill('Dear Pavel,\nthree would cost 3,900.');
    expect(await horizontalOverflow(page)).toBe(0);
    await reply.getByRole('button', { name: 'Send' }).click();
    await page.getByText(`“Re: ${PRICES}” is on its way.`).waitFor();
    await reply.waitFor({ state: 'detached' });

    const answer = letter(`Re: ${PRICES}`);
    await answer.getByRole('img', { name: 'Outgoing' }).waitFor();
    await answer.getByText('To: pavel@acme.test').waitFor();
    await answer.getByText('Sent', { exact: true }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await mail().scrollIntoViewIfNeeded();
    await screenshot(page, 'crm-deal-mail-phone');
    const [got] = smtp.accepted();
    expect(got?.envelopeTo).toEqual(['pavel@acme.test']);
    expect(got?.user).toBe(SMTP_LOGIN.user);
    expect(got?.mail.subject).toBe(`Re: ${PRICES}`);
    expect(got?.mail.text?.trim()).toBe('Dear Pavel,\nthree would cost 3,900.');
    expect(got?.mail.inReplyTo).toBeTruthy();

    const activities = page.getByRole('region', { name: 'Activities' });
    await activities.getByText('Nothing planned.').waitFor();
    await activities
      .getByRole('list', { name: 'Done lately' })
      .getByRole('listitem', { name: PRICES })
      .waitFor();
    // Newest first.
    const subjects = await mail()
      .getByRole('listitem')
      .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
    expect(subjects).toEqual([`Re: ${PRICES}`, PRICES]);
  });

  it("writes to the deal's contact with a file: too many bytes are said before sending, the file goes out", async () => {
    await mail().getByRole('button', { name: 'Write a letter' }).click();
    const write = dialog('New letter');
    expect(await write.getByRole('textbox', { name: 'To' }).inputValue()).toBe('pavel@acme.test');
    // One mailbox to write from: no choice to make.
    expect(await write.getByRole('combobox', { name: 'From' }).count()).toBe(0);
    await write.getByRole('textbox', { name: 'Subject' }).fill(OFFER);
    await write.getByRole('textbox', { name: 'Text' }).fill('Dear Pavel,\nthe offer is attached.');
    await write.getByRole('button', { name: 'Attach files' }).waitFor();
    await write.locator('input[type=file]').setInputFiles([
      { name: OFFER_FILE.name, mimeType: 'text/plain', buffer: Buffer.from(OFFER_FILE.content) },
      { name: 'scan.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(16 * 1024 * 1024) },
    ]);
    const files = write.getByRole('list', { name: 'Attached files' });
    await files.getByRole('listitem', { name: OFFER_FILE.name }).getByText('17 bytes').waitFor();
    await files.getByRole('listitem', { name: 'scan.bin' }).getByText('16 MB').waitFor();
    await write
      .getByText('The files take 16 MB in all; a letter may carry 15 MB at most. Remove some to send it.')
      .waitFor();
    expect(await write.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-letter-files-phone');

    await write.getByRole('button', { name: 'Remove scan.bin' }).click();
    expect(await files.getByRole('listitem').count()).toBe(1);
    expect(await write.getByRole('alert').count()).toBe(0);
    await write.getByRole('button', { name: 'Send' }).click();
    await page.getByText(`“${OFFER}” is on its way.`).waitFor();
    await write.waitFor({ state: 'detached' });

    const offer = letter(OFFER);
    await offer.getByText('Sent', { exact: true }).waitFor();
    await offer.getByRole('link', { name: /^offer\.txt/ }).waitFor();
    const got = smtp.accepted().find((r) => r.mail.subject === OFFER);
    expect(got?.envelopeTo).toEqual(['pavel@acme.test']);
    expect(got?.mail.text?.trim()).toBe('Dear Pavel,\nthe offer is attached.');
    expect(
      got?.mail.attachments.map((a) => ({
        filename: a.filename,
        contentType: a.contentType,
        content: a.content.toString('utf8'),
      })),
    ).toEqual([{ filename: OFFER_FILE.name, contentType: 'text/plain', content: OFFER_FILE.content }]);
  });

  it("writes to the lead the stranger's letter made", async () => {
    const leads = await stage.server.api<{ items: { id: string }[] }>('GET', '/api/v1/crm/leads');
    expect(leads.items).toHaveLength(1);
    await page.goto(`/crm/leads/${leads.items[0]?.id}`);
    await letter('Do you sell pallets?').getByText('From: Maria Lebedeva <maria@pallets.test>').waitFor();
    await mail().getByRole('button', { name: 'Write a letter' }).click();
    const toLead = dialog('New letter');
    expect(await toLead.getByRole('textbox', { name: 'To' }).inputValue()).toBe('maria@pallets.test');
    await toLead.getByRole('textbox', { name: 'Cc' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await toLead.getByRole('button', { name: 'Cancel' }).click();
  });

  it('edits the mailbox keeping its passwords, then deletes it: its letters stay on the deal', async () => {
    await page.goto('/crm/mailboxes');
    await page.getByRole('button', { name: 'What to do with My mail' }).click();
    await page.getByRole('menuitem', { name: 'Edit' }).click();
    const form = dialog('Mailbox “My mail”');
    const incoming = form.getByRole('group', { name: 'Incoming mail (IMAP)' });
    expect(await incoming.getByRole('textbox', { name: 'Password' }).inputValue()).toBe('');
    await incoming.getByText('Empty: keep the saved one.').waitFor();
    await form.getByRole('textbox', { name: 'Check every, minutes' }).fill('10');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Mailbox “My mail” saved.').waitFor();
    const card = page.getByRole('listitem', { name: 'My mail' });
    await card.getByText(/ · every 10 minutes$/).waitFor();

    await page.getByRole('button', { name: 'What to do with My mail' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = dialog('Delete the mailbox “My mail”?');
    await confirm
      .getByText('The letters it brought stay on their deals and leads.', { exact: false })
      .waitFor();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Mailbox “My mail” deleted.').waitFor();
    await page.getByText('No mailboxes connected yet.').waitFor();
    await page.goto(dealUrl);
    await letter(PRICES).waitFor();
  });

  it('is in Russian for a Russian reader', async () => {
    await switchToRussian(page);
    const mailRu = page.getByRole('region', { name: 'Почта' });
    await mailRu.getByRole('button', { name: 'Написать письмо' }).waitFor();
    await mailRu
      .getByRole('listitem', { name: PRICES })
      .getByText('От: Pavel Orlov <pavel@acme.test>')
      .waitFor();
    await mailRu
      .getByRole('listitem', { name: `Re: ${PRICES}` })
      .getByText('Отправлено')
      .waitFor();
    await mailRu.getByRole('button', { name: 'Написать письмо' }).click();
    const write = dialog('Новое письмо');
    await write.getByRole('button', { name: 'Прикрепить файлы' }).waitFor();
    await write.getByRole('button', { name: 'Отмена' }).click();
    await page.goto('/crm/mailboxes');
    await page.getByRole('heading', { level: 1, name: 'Почтовые ящики' }).waitFor();
    await page.getByText('Ящики ещё не подключены.').waitFor();
    await page.getByRole('button', { name: 'Подключить ящик' }).click();
    const form = dialog('Подключить почтовый ящик');
    await form
      .getByRole('group', { name: 'Входящая почта (IMAP)' })
      .getByRole('textbox', { name: 'Сервер' })
      .waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
  });
});

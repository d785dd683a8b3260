import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { choose } from './crm-support.ts';
import { suiteStage } from './stage.ts';
import { DESKTOP, horizontalOverflow, newPage, PHONE, SETUP_TIMEOUT, screenshot } from './support.ts';

interface LeadBody {
  title: string;
  name: string | null;
  phone: string | null;
  source: string | null;
  responsibleId: string;
}

/**
 * An administrator makes a request form for the company's site; a visitor, never signed in, sends it
 * and the form's manager finds the lead. (Russian visitors read it in Russian; a form switched off is
 * not available.)
 */
describe('web forms', () => {
  const stage = suiteStage(async (server) => {
    await server.api('POST', '/api/v1/crm/pipelines', {
      name: 'Inbound',
      entity: 'lead',
      stages: [
        { name: 'Fresh', kind: 'open' },
        { name: 'Converted', kind: 'won' },
        { name: 'Junk', kind: 'lost' },
      ],
    });
  });
  let admin: Page;
  let link = '';

  beforeAll(async () => {
    admin = await stage.signIn('admin', { viewport: DESKTOP });
  }, SETUP_TIMEOUT);

  /** A page in a fresh browser context: no session cookie at all. */
  const visitor = (options: { locale?: string; viewport?: { width: number; height: number } } = {}) =>
    newPage(stage.browser, stage.server, options);

  it('makes a form in the settings, refusing one that asks no name, phone or e-mail', async () => {
    await admin
      .getByRole('navigation', { name: 'Main menu' })
      .getByRole('link', { name: 'Web forms', exact: true })
      .click();
    await admin.getByRole('heading', { level: 1, name: 'Web forms' }).waitFor();
    await admin.getByText('No web forms yet.').waitFor();
    await admin.getByRole('button', { name: 'New web form' }).click();
    const dialog = admin.getByRole('dialog', { name: 'New web form' });
    await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Site');
    await dialog.getByRole('textbox', { name: 'Heading visitors see' }).fill('Request a call back');
    // Only a comment: the server refuses it at the fields.
    for (const field of ['Name', 'Phone', 'E-mail'])
      await dialog.getByRole('checkbox', { name: field, exact: true }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Comment', exact: true }).check();
    await dialog.getByRole('button', { name: 'Create the form' }).click();
    await dialog.getByRole('alert').waitFor();
    expect(await dialog.getByRole('alert').textContent()).toMatch(/name|phone|e-mail/i);

    await dialog.getByRole('checkbox', { name: 'Name', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Phone', exact: true }).check();
    await dialog.getByRole('checkbox', { name: 'Phone required' }).check();
    await dialog.getByRole('textbox', { name: 'Label of Name' }).fill('Your name');
    await dialog
      .getByRole('textbox', { name: 'Text after sending' })
      .fill('Thanks, we will call you back today.');
    expect(await dialog.getByRole('combobox', { name: 'Lead pipeline' }).inputValue()).toBe('Inbound');
    await choose(admin, 'Responsible for its leads', 'Ivan Petrov');
    await dialog.getByRole('button', { name: 'Create the form' }).click();
    await admin.getByText('Web form “Site” saved.').waitFor();
    await dialog.waitFor({ state: 'detached' });

    const card = admin.getByRole('listitem', { name: 'Site' });
    await card.getByText('On', { exact: true }).waitFor();
    link = (await card.getByRole('link', { name: 'Public link of Site' }).getAttribute('href')) ?? '';
    expect(link).toMatch(new RegExp(`^${stage.server.url}/forms/[\\w-]+$`));
    await card.getByText(`<iframe src="${link}"`, { exact: false }).waitFor();
    expect(await horizontalOverflow(admin)).toBe(0);
    await screenshot(admin, 'crm-web-forms');
  });

  it('takes a request from a visitor who never signed in; the manager gets the lead', async () => {
    const page = await visitor({ viewport: PHONE });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Request a call back' }).waitFor();
    expect(await page.getByRole('navigation').count()).toBe(0);
    // The trap is in the form, out of reach.
    const trap = page.locator('input[name="website"]');
    expect(await trap.getAttribute('tabindex')).toBe('-1');
    expect(await trap.getAttribute('autocomplete')).toBe('off');

    await page.getByRole('textbox', { name: 'Your name' }).fill('Maria Sokolova');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Please fill in “Phone”.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Phone' }).getAttribute('aria-invalid')).toBe('true');

    await page.getByRole('textbox', { name: 'Phone' }).fill('+7 900 555-44-33');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thanks, we will call you back today.').waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await screenshot(page, 'crm-web-form-public-phone');
    await page.context().close();

    const leads = await stage.server.api<{ items: LeadBody[] }>(
      'GET',
      '/api/v1/crm/leads?responsibleId=ivan',
    );
    expect(leads.items.map((l) => [l.name, l.phone, l.source, l.responsibleId])).toEqual([
      ['Maria Sokolova', '+7 900 555-44-33', 'web form: Site', 'ivan'],
    ]);
    // Ivan sees it on his board.
    const ivan = await stage.signIn('ivan', { viewport: DESKTOP });
    await ivan.goto('/crm/leads');
    await ivan.getByRole('article', { name: 'Maria Sokolova' }).getByText('web form: Site').waitFor();
    // The settings are not his: no menu item, and the page says so.
    expect(await ivan.getByRole('link', { name: 'Web forms' }).count()).toBe(0);
    await ivan.goto('/admin/web-forms');
    await ivan.getByRole('alert').waitFor();
    expect(await ivan.getByRole('button', { name: 'New web form' }).count()).toBe(0);
    await ivan.context().close();
  });

  it('speaks Russian to a Russian browser', async () => {
    const page = await visitor({ locale: 'ru-RU' });
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: 'Request a call back' }).waitFor();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText('Пожалуйста, заполните поле «Phone».').waitFor();
    await page.context().close();
  });

  it('asks a visitor sending too often to wait, in minutes', async () => {
    const token = link.split('/').pop() ?? '';
    // Four more sends from the same address: five in ten minutes is the most the server takes.
    for (let i = 0; i < 4; i++)
      await stage.server.api('POST', `/api/v1/public/web-forms/${token}`, {
        values: { name: `Visitor ${i}`, phone: `+7 900 000-00-0${i}` },
      });
    const page = await visitor();
    await page.goto(link);
    await page.getByRole('textbox', { name: 'Your name' }).fill('Maria Sokolova');
    await page.getByRole('textbox', { name: 'Phone' }).fill('+7 900 555-44-33');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Too many attempts: try again in 10 minutes.').waitFor();
    await page.context().close();
  });

  it('says a form switched off is not available', async () => {
    await admin.getByRole('button', { name: 'What to do with Site' }).click();
    await admin.getByRole('menuitem', { name: 'Edit' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Web form “Site”' });
    await dialog.getByRole('switch', { name: /The form is on/ }).uncheck();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await admin.getByRole('listitem', { name: 'Site' }).getByText('Off', { exact: true }).waitFor();

    const page = await visitor();
    await page.goto(link);
    await page.getByText('This form is not available.').waitFor();
    await page.goto('/forms/no-such-form');
    await page.getByText('This form is not available.').waitFor();
    await page.context().close();
  });
});

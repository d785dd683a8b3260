import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, screenshot } from './support.ts';

/** What a person gets by e-mail, from the user menu. */
describe('e-mail choices', () => {
  const stage = suiteStage(async (server, company) => {
    await server.api('PATCH', `/api/v1/users/${company.head}`, { email: 'olga@firm.example' });
  });

  it('on a phone, turns task e-mails off and keeps the choice; says when there is no address', async () => {
    const phone = await stage.signIn(stage.company.head, { viewport: PHONE });
    await phone.getByRole('button', { name: /^Account of / }).click();
    await phone.getByRole('menuitem', { name: 'E-mail' }).click();
    await phone.getByRole('heading', { level: 1, name: 'E-mail' }).waitFor();
    await phone.getByText('What Baton sends to olga@firm.example').waitFor();
    const tasks = phone.getByRole('switch', { name: 'New tasks' });
    const notifications = phone.getByRole('switch', { name: 'Copies of notifications' });
    expect(await tasks.isChecked()).toBe(true);
    expect(await notifications.isChecked()).toBe(true);

    await tasks.click({ force: true });
    await expect.poll(() => tasks.isChecked()).toBe(false);
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'account-email-phone');
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: 'E-mail' }).waitFor();
    await expect.poll(() => phone.getByRole('switch', { name: 'New tasks' }).isChecked()).toBe(false);
    expect(await phone.getByRole('switch', { name: 'Copies of notifications' }).isChecked()).toBe(true);

    const employee = await stage.signIn(stage.company.employee, { viewport: PHONE });
    await employee.goto(`${stage.server.url}/account/email`);
    await employee.getByText('Your profile has no e-mail address').waitFor();
  });
});

import { describe, expect, it } from 'vitest';
import { suiteStage } from './stage.ts';
import { horizontalOverflow, PHONE, screenshot } from './support.ts';

/** Personal API tokens, from the user menu. */
describe('API tokens', () => {
  const stage = suiteStage();

  it('on a phone, creates an API token shown once, which works over HTTP until it is revoked', async () => {
    const phone = await stage.signIn('admin', { viewport: PHONE });
    await phone.getByRole('button', { name: /^Account of / }).click();
    await phone.getByRole('menuitem', { name: 'API tokens' }).click();
    await phone.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
    await phone.getByText('No tokens yet.').waitFor();
    const form = phone.getByRole('form', { name: 'New token' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Reporting script');
    await form.getByRole('checkbox', { name: /^tasks:write/ }).check();
    await form.getByRole('button', { name: 'Create the token' }).click();
    const secretBox = phone.getByRole('textbox', { name: 'Your new token' });
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^baton_/);
    await phone.getByRole('button', { name: 'Copy' }).waitFor();
    const tokens = phone.getByRole('list', { name: 'My tokens' });
    await tokens.getByRole('listitem', { name: 'Reporting script' }).getByText('tasks:write').waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await screenshot(phone, 'account-tokens-phone');

    const me = () =>
      fetch(`${stage.server.url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
    const answer = await me();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      user: { login: 'admin' },
      via: 'apiToken',
      scopes: ['processes:read', 'tasks:write'],
    });

    // Shown once: gone when dismissed, and not there after a reload either.
    await phone.getByRole('button', { name: 'I have copied it' }).click();
    await secretBox.waitFor({ state: 'detached' });
    await phone.reload();
    await tokens.getByRole('listitem', { name: 'Reporting script' }).waitFor();
    expect(await phone.content()).not.toContain(secret);

    await tokens.getByRole('button', { name: 'Revoke the token Reporting script' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Revoke the token Reporting script?' });
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await phone.getByText('No tokens yet.').waitFor();
    expect((await me()).status).toBe(401);
    await phone.context().close();
  });
});

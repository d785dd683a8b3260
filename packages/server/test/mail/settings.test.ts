import { describe, expect, it } from 'vitest';
import { mailSettingsFromEnv, smtpServerOf } from '../../src/mail/settings.ts';

describe('e-mail settings from the environment', () => {
  it('is off without BATON_SMTP_URL', () => {
    expect(mailSettingsFromEnv({})).toBeNull();
    expect(mailSettingsFromEnv({ BATON_SMTP_URL: '  ', BATON_MAIL_FROM: 'a@b.example' })).toBeNull();
  });

  it('takes an smtp or smtps URL with the sender, and shows the server without its credentials', () => {
    const settings = mailSettingsFromEnv({
      BATON_SMTP_URL: 'smtps://baton:p%40ss@mail.firm.example:465',
      BATON_MAIL_FROM: 'Baton <baton@firm.example>',
    });
    expect(settings).toEqual({
      url: 'smtps://baton:p%40ss@mail.firm.example:465',
      from: 'Baton <baton@firm.example>',
      publicUrl: null,
    });
    expect(settings && smtpServerOf(settings)).toBe('smtps://mail.firm.example:465');
  });

  it('takes the public URL for links in e-mails, without a trailing slash', () => {
    const env = { BATON_SMTP_URL: 'smtp://mail.firm.example', BATON_MAIL_FROM: 'baton@firm.example' };
    expect(mailSettingsFromEnv({ ...env, BATON_PUBLIC_URL: 'https://baton.firm.example/' })?.publicUrl).toBe(
      'https://baton.firm.example',
    );
    expect(() => mailSettingsFromEnv({ ...env, BATON_PUBLIC_URL: 'baton.firm.example' })).toThrow(
      'BATON_PUBLIC_URL must be an http(s) URL',
    );
  });

  it.each([
    [{ BATON_SMTP_URL: 'mail.firm.example:25' }, 'BATON_SMTP_URL must start with smtp:// or smtps://'],
    [{ BATON_SMTP_URL: 'not a url' }, 'BATON_SMTP_URL is not a URL'],
    [
      { BATON_SMTP_URL: 'https://u:hunter2@mail.firm.example' },
      'must start with smtp:// or smtps:// (got https://mail.firm.example)',
    ],
    [{ BATON_SMTP_URL: 'smtp://u:hunter2@mail.firm.example' }, 'BATON_MAIL_FROM must be the sender address'],
    [
      { BATON_SMTP_URL: 'smtp://mail.firm.example', BATON_MAIL_FROM: 'Baton' },
      'BATON_MAIL_FROM must be the sender address',
    ],
  ])('refuses %j, naming the setting and never the password', (env, message) => {
    expect(() => mailSettingsFromEnv(env)).toThrow(message);
    try {
      mailSettingsFromEnv(env);
    } catch (error) {
      expect((error as Error).message).not.toContain('hunter2');
    }
  });
});

/** Where e-mail goes out: an SMTP server and the sender's address. */
export interface MailSettings {
  /** `smtp://[user:password@]host[:port]` (STARTTLS when the server offers it) or `smtps://…` (TLS from the start). */
  url: string;
  /** The From of every message, e.g. `Baton <baton@example.com>`. */
  from: string;
  /** Where people open Baton (`BATON_PUBLIC_URL`), for links in e-mails; null: no links. */
  publicUrl: string | null;
}

/** A setting that cannot work; the message names the variable and never repeats a password. */
export class MailSettingsError extends Error {}

/**
 * `BATON_SMTP_URL`, `BATON_MAIL_FROM` and `BATON_PUBLIC_URL`. Without an SMTP URL e-mail is off (null): the process's e-mails
 * wait in the outbox. An SMTP URL without a sender, or one that is not smtp(s), stops the start.
 */
export function mailSettingsFromEnv(env: NodeJS.ProcessEnv): MailSettings | null {
  const url = env.BATON_SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new MailSettingsError('BATON_SMTP_URL is not a URL (expected smtp://user:password@host:587)');
  }
  if (parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:')
    throw new MailSettingsError(
      `BATON_SMTP_URL must start with smtp:// or smtps:// (got ${parsed.protocol}//${parsed.host})`,
    );
  const from = env.BATON_MAIL_FROM?.trim();
  if (!from?.includes('@'))
    throw new MailSettingsError(
      'BATON_MAIL_FROM must be the sender address when BATON_SMTP_URL is set (e.g. "Baton <baton@example.com>")',
    );
  return { url, from, publicUrl: publicUrlOf(env.BATON_PUBLIC_URL?.trim()) };
}

function publicUrlOf(value: string | undefined): string | null {
  if (!value) return null;
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:')
    throw new MailSettingsError(
      `BATON_PUBLIC_URL must be an http(s) URL such as https://baton.example.com (got "${value}")`,
    );
  return value.replace(/\/+$/, '');
}

/** The SMTP server without credentials, for logs. */
export function smtpServerOf(settings: MailSettings): string {
  const url = new URL(settings.url);
  return `${url.protocol}//${url.host}`;
}

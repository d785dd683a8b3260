import { ImapFlow } from 'imapflow';
import nodemailer from 'nodemailer';
import { Unprocessable } from '../../runtime/errors.ts';

/** Where a mailbox is read: an IMAP server, the sign-in and the folder. */
export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  folder: string;
}

/** A mailbox's own SMTP server for the letters written in Baton. */
export interface SmtpSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
}

/** A server that does not answer in time fails the check, which the next one repeats. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** A client for one check; its errors come back through the calls, never as an unhandled event. */
export function imapClient(s: ImapSettings): ImapFlow {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.tls,
    auth: { user: s.user, pass: s.password },
    logger: false,
    ...TIMEOUTS,
  });
  client.on('error', () => undefined);
  return client;
}

/** What went wrong, in words for the person who connects the mailbox, and which field it is about. */
export interface ConnectionProblem {
  field: 'host' | 'password' | 'folder';
  message: string;
}

type NetError = Error & { code?: string; authenticationFailed?: boolean; responseCode?: number };

/** Sorts an IMAP or SMTP failure; never repeats the password. */
export function problemOf(error: unknown, where: { host: string; port: number }): ConnectionProblem {
  const e = error as NetError;
  if (e.authenticationFailed || e.code === 'EAUTH' || e.responseCode === 535)
    return { field: 'password', message: 'the server refused the user name or password' };
  const code = e.code ? ` (${e.code})` : '';
  return { field: 'host', message: `cannot connect to ${where.host}:${where.port}${code}: ${e.message}` };
}

/** Signs in and opens the folder; the problem if it cannot. */
export async function tryImap(s: ImapSettings): Promise<ConnectionProblem | null> {
  const client = imapClient(s);
  try {
    await client.connect();
  } catch (error) {
    return problemOf(error, s);
  }
  try {
    await client.status(s.folder, { messages: true });
    return null;
  } catch {
    return { field: 'folder', message: `there is no folder "${s.folder}" in this mailbox` };
  } finally {
    await client.logout().catch(() => undefined);
  }
}

/** `smtps://` (TLS from the start) or `smtp://` (STARTTLS when offered) with the sign-in, for nodemailer. */
export function smtpUrl(s: SmtpSettings): string {
  const login = `${encodeURIComponent(s.user)}:${encodeURIComponent(s.password)}`;
  return `${s.tls ? 'smtps' : 'smtp'}://${login}@${s.host}:${s.port}`;
}

export async function trySmtp(s: SmtpSettings): Promise<ConnectionProblem | null> {
  const transport = nodemailer.createTransport({ url: smtpUrl(s), ...TIMEOUTS });
  try {
    await transport.verify();
    return null;
  } catch (error) {
    return problemOf(error, s);
  } finally {
    transport.close();
  }
}

/** Both servers answer, or a 422 at the field of the first that does not. */
export async function verifyConnections(imap: ImapSettings, smtp: SmtpSettings | null): Promise<void> {
  const checks = [
    ['imap', await tryImap(imap)],
    ['smtp', smtp ? await trySmtp(smtp) : null],
  ] as const;
  const failed = checks.filter((c) => c[1] !== null);
  if (failed.length === 0) return;
  throw new Unprocessable(
    failed.map(([server, p]) => `${server.toUpperCase()}: ${p?.message}`).join('; '),
    failed.map(([server, p]) => ({ path: `body.${server}.${p?.field}`, message: p?.message ?? '' })),
    'MAILBOX_UNREACHABLE',
  );
}

import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Attachment } from '../documents/attachments.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import type { MailSettings } from './settings.ts';

/** A server that does not answer in time fails the attempt, which is retried with back-off. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** A subject longer than this is cut: mail clients show a line, and a header line has its limits. */
const MAX_SUBJECT = 500;

/** A line break would start a header of its own; a split, not a pattern, keeps it linear in the text. */
function oneLine(subject: string): string {
  const line = subject
    .split(/[\r\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
  return line.length > MAX_SUBJECT ? `${line.slice(0, MAX_SUBJECT - 1)}…` : line;
}

export interface OutgoingMail {
  to: string[];
  cc?: string[];
  subject: string;
  text: string;
  /** The job's key: the same key gives the same Message-ID, so a repeat can be told from a new message. */
  key: string;
  attachments?: Attachment[];
  /** A letter written in Baton about a deal: its own sender, Message-ID and the letters it answers. */
  from?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** When it was sent (default: now). */
  date?: Date;
}

/** Sends one message; resolves with the recipients the server refused (the others got it). */
export type SendMail = (mail: OutgoingMail) => Promise<{ rejected: string[] }>;

/**
 * One SMTP transport for a worker's e-mail jobs. A 5xx answer (the server refuses the message, every
 * recipient or the sign-in) is a `PermanentFailure`; a 4xx answer, a refused connection or a timeout
 * is thrown as it is, so the job is retried.
 */
export function createMailer(settings: MailSettings): SendMail {
  const transport = nodemailer.createTransport({ url: settings.url, ...TIMEOUTS }, { from: settings.from });
  const domain = settings.from.replace(/^.*@/, '').replace(/[>\s].*$/, '') || 'baton';
  return async (mail) => {
    try {
      const sent = await transport.sendMail(messageOf(mail, domain));
      return { rejected: sent.rejected.map(String) };
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new PermanentFailure((error as Error).message);
      throw error;
    }
  };
}

/** What nodemailer builds the message from; the same for sending it and for keeping a copy. */
function messageOf(mail: OutgoingMail, domain: string) {
  return {
    to: mail.to,
    cc: mail.cc ?? [],
    subject: oneLine(mail.subject),
    text: mail.text,
    attachments: mail.attachments ?? [],
    messageId:
      mail.messageId ?? `<${createHash('sha256').update(mail.key).digest('hex').slice(0, 32)}@${domain}>`,
    ...(mail.from && { from: mail.from }),
    ...(mail.date && { date: mail.date }),
    ...(mail.inReplyTo && { inReplyTo: mail.inReplyTo }),
    ...(mail.references && { references: mail.references }),
  };
}

/** The message as it goes out (RFC 822 bytes), for a mailbox's Sent folder; `mail.from` and `messageId` given. */
export async function composeMail(mail: OutgoingMail): Promise<Buffer> {
  const built = await nodemailer
    .createTransport({ streamTransport: true, buffer: true })
    .sendMail(messageOf(mail, 'baton'));
  return built.message as Buffer;
}

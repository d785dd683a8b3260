import { type ChildProcess, spawn } from 'node:child_process';
import { appendFile, chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

/** A letter to put into a user's INBOX. */
export interface Letter {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId?: string;
  inReplyTo?: string;
  date?: Date;
  attachments?: { filename: string; content: string }[];
  /** More headers: `List-Id`, `Auto-Submitted`, … */
  headers?: Record<string, string>;
}

/** A real IMAP server (Dovecot from Debian's `dovecot-imapd`) on loopback, plain IMAP without TLS. */
export interface ImapServer {
  host: string;
  port: number;
  addUser(user: string, password: string): Promise<void>;
  /** Appends the letter to the user's INBOX over IMAP, as a mail server delivering it would. */
  deliver(user: string, letter: Letter): Promise<void>;
  close(): Promise<void>;
}

const DOVECOT = '/usr/sbin/dovecot';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Dovecot never keeps mail as root: started by root, the mail belongs to `nobody`. */
function mailOwner(): { uid: number; gid: number } {
  const uid = process.getuid?.() ?? 0;
  return uid === 0 ? { uid: 65534, gid: 65534 } : { uid, gid: process.getgid?.() ?? uid };
}

function configOf(dir: string, port: number): string {
  const { uid, gid } = mailOwner();
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:${dir}/mail/%u
first_valid_uid = ${uid}
first_valid_gid = ${gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

async function listening(port: number, dovecot: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (dovecot.exitCode !== null)
      throw new Error(`dovecot exited: ${await readFile(log, 'utf8').catch(() => '')}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on ${port}`);
}

/** Starts Dovecot with a configuration of its own in a temporary directory; `close()` stops it and removes it. */
export async function startImapServer(): Promise<ImapServer> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-imap-'));
  // Dovecot's auth process runs as the `dovecot` user and must read the password file.
  await chmod(dir, 0o755);
  await Promise.all(['run', 'state', 'mail'].map((d) => mkdir(join(dir, d))));
  await chown(join(dir, 'mail'), mailOwner().uid, mailOwner().gid);
  await writeFile(join(dir, 'users'), '');
  const port = await freePort();
  await writeFile(join(dir, 'dovecot.conf'), configOf(dir, port));
  const dovecot = spawn(DOVECOT, ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: 'ignore' });
  await listening(port, dovecot, join(dir, 'dovecot.log'));
  const passwords = new Map<string, string>();
  return {
    host: '127.0.0.1',
    port,
    async addUser(user, password) {
      passwords.set(user, password);
      await appendFile(join(dir, 'users'), `${user}:{PLAIN}${password}\n`);
    },
    async deliver(user, letter) {
      const raw = await new MailComposer({
        from: letter.from,
        to: letter.to,
        subject: letter.subject,
        text: letter.text,
        date: letter.date ?? new Date(),
        ...(letter.messageId ? { messageId: letter.messageId } : {}),
        ...(letter.inReplyTo ? { inReplyTo: letter.inReplyTo, references: [letter.inReplyTo] } : {}),
        attachments: letter.attachments ?? [],
        headers: letter.headers ?? {},
      })
        .compile()
        .build();
      const client = new ImapFlow({
        host: '127.0.0.1',
        port,
        secure: false,
        auth: { user, pass: passwords.get(user) ?? '' },
        logger: false,
      });
      await client.connect();
      await client.append('INBOX', raw, [], letter.date ?? new Date());
      await client.logout();
    },
    async close() {
      dovecot.kill('SIGTERM');
      if (dovecot.exitCode === null) await new Promise((resolve) => dovecot.once('exit', resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What a mailbox's Sent folder holds, read as a mail client would: each letter's id, subject, flag and first file. */
export async function sentFolder(s: {
  host: string;
  port: number;
  user: string;
  password: string;
}): Promise<{ messageId: string; subject: string; seen: boolean; file: string | null }[]> {
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: false,
    auth: { user: s.user, pass: s.password },
    logger: false,
  });
  await client.connect();
  try {
    const sent = (await client.list()).find((f) => f.specialUse === '\\Sent');
    if (!sent) return [];
    const lock = await client.getMailboxLock(sent.path);
    try {
      const out: { messageId: string; subject: string; seen: boolean; file: string | null }[] = [];
      for await (const m of client.fetch('1:*', { envelope: true, flags: true, source: true })) {
        const parsed = await simpleParser(m.source as Buffer);
        out.push({
          messageId: m.envelope?.messageId ?? '',
          subject: m.envelope?.subject ?? '',
          seen: m.flags?.has('\\Seen') ?? false,
          file: parsed.attachments[0]?.filename ?? null,
        });
      }
      return out;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

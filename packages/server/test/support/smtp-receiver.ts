import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the server saw it: the envelope, the parsed message and how it answered. */
export interface Received {
  envelopeTo: string[];
  user: string | null;
  mail: ParsedMail;
  answer: number;
}

/** A local SMTP server answering each message as scripted (250 once the script runs out). */
export interface SmtpReceiver {
  port: number;
  received: Received[];
  /** Messages it accepted (answered 250). */
  accepted(): Received[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (smtp-server): plain text, no STARTTLS; when `login` is given it
 * accepts only that user and password (AUTH PLAIN/LOGIN) and refuses the rest with 535.
 */
export async function startSmtpReceiver(
  answers: number[] = [],
  login?: { user: string; password: string },
): Promise<SmtpReceiver> {
  const received: Received[] = [];
  const server = new SMTPServer({
    logger: false,
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    authOptional: !login,
    onAuth(auth, _session, callback) {
      if (auth.username === login?.user && auth.password === login?.password)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const answer = answers.shift() ?? 250;
        received.push({
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === 'string' ? session.user : null,
          mail,
          answer,
        });
        if (answer === 250) callback();
        else
          callback(
            Object.assign(new Error(answer < 500 ? 'try again later' : 'mailbox unavailable'), {
              responseCode: answer,
            }),
          );
      }, callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    accepted: () => received.filter((r) => r.answer === 250),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

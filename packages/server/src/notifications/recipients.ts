import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { PHONE_PATTERN } from '../org/checks.ts';
import type { Runtime } from '../runtime/context.ts';
import { currentDirectory } from '../runtime/step-context.ts';

/** `ann@example.com` or `Ann Lee <ann@example.com>`: no spaces, brackets or separators in the address. */
const ADDRESS =
  /^(?:[^<>\r\n]*<\s*([^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+)\s*>|([^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+))$/;

/** Longer is no address (254 characters at most, and a name): and the pattern is not run on it. */
const MAX_ENTRY = 400;

/** How a message reaches people: what a direct entry looks like, and where a person's own is kept. */
interface Channel {
  /** An entry meant as a direct address or number, not a reference to people. */
  direct(entry: string): boolean;
  valid: RegExp;
  column: 'email' | 'phone';
  none: string;
}

const CHANNELS = {
  email: { direct: (e) => e.includes('@'), valid: ADDRESS, column: 'email', none: 'no e-mail' },
  phone: { direct: (e) => /^[+0-9]/.test(e), valid: PHONE_PATTERN, column: 'phone', none: 'no phone' },
} satisfies Record<string, Channel>;

export interface Recipients {
  /** The addresses (or numbers) as given, and each person's a reference named. */
  addresses: string[];
  /** Entries nothing can go to: malformed ones, references naming no one, people without one. */
  unreachable: string[];
}

/**
 * An e-mail's `to` or `cc`, or an SMS's `to`: entries that look like an address (a number) are taken as
 * they are; the others are references to people (`ann`, `role:HR`, `head:ann`, …) resolved as
 * notifications are — absences applied, so a deputy gets it — and sent to each person's own.
 */
export async function recipientsOf(
  rt: Runtime,
  db: Kysely<Database>,
  entries: readonly string[],
  by: keyof typeof CHANNELS = 'email',
): Promise<Recipients> {
  const channel: Channel = CHANNELS[by];
  const addresses: string[] = [];
  const unreachable: string[] = [];
  const references: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!channel.direct(entry)) references.push(entry);
    else if (entry.length <= MAX_ENTRY && channel.valid.test(entry)) addresses.push(entry);
    else
      unreachable.push(
        entry.length <= MAX_ENTRY ? entry : `${entry.slice(0, 40)}… (${entry.length} characters)`,
      );
  }
  if (references.length > 0) {
    const now = rt.now();
    const people = (await currentDirectory(rt, db, now)).recipients(references, now);
    const rows = people.length
      ? await db.selectFrom('users').select(['id', channel.column]).where('id', 'in', people).execute()
      : [];
    const own = new Map(rows.map((r) => [r.id, (r as Record<string, string | null>)[channel.column]]));
    for (const person of people) {
      const address = own.get(person);
      if (address) addresses.push(address);
      else unreachable.push(own.has(person) ? `${person} (${channel.none})` : person);
    }
  }
  return { addresses: [...new Set(addresses)], unreachable };
}

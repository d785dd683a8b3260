import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { currentDirectory } from '../runtime/step-context.ts';

/** `ann@example.com` or `Ann Lee <ann@example.com>`: no spaces, brackets or separators in the address. */
const ADDRESS =
  /^(?:[^<>\r\n]*<\s*([^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+)\s*>|([^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+))$/;

/** Longer is no address (254 characters at most, and a name): and the pattern is not run on it. */
const MAX_ENTRY = 400;

export interface Recipients {
  /** What to put in the header: the addresses as given, and the e-mail of each person a reference named. */
  addresses: string[];
  /** Entries no mail can go to: malformed addresses, references naming no one, people without an e-mail. */
  unreachable: string[];
}

/**
 * An e-mail activity's `to` or `cc`: entries with an `@` are addresses; the others are references to
 * people (`ann`, `role:HR`, `head:ann`, …) resolved as notifications are — absences applied, so a
 * deputy gets the mail — and sent to each person's e-mail.
 */
export async function recipientsOf(
  rt: Runtime,
  db: Kysely<Database>,
  entries: readonly string[],
): Promise<Recipients> {
  const addresses: string[] = [];
  const unreachable: string[] = [];
  const references: string[] = [];
  for (const raw of entries) {
    const entry = raw.trim();
    if (!entry.includes('@')) references.push(entry);
    else if (entry.length <= MAX_ENTRY && ADDRESS.test(entry)) addresses.push(entry);
    else
      unreachable.push(
        entry.length <= MAX_ENTRY ? entry : `${entry.slice(0, 40)}… (${entry.length} characters)`,
      );
  }
  if (references.length > 0) {
    const now = rt.now();
    const people = (await currentDirectory(rt, db, now)).recipients(references, now);
    const rows = people.length
      ? await db.selectFrom('users').select(['id', 'email']).where('id', 'in', people).execute()
      : [];
    const emailOf = new Map(rows.map((r) => [r.id, r.email]));
    for (const person of people) {
      const email = emailOf.get(person);
      if (email) addresses.push(email);
      else unreachable.push(emailOf.has(person) ? `${person} (no e-mail)` : person);
    }
  }
  return { addresses: [...new Set(addresses)], unreachable };
}

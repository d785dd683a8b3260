import type { Kysely } from 'kysely';
import { newRowId } from '../../db/row-ids.ts';
import type { Database } from '../../db/schema.ts';
import type { Letter } from './letter.ts';

export type Direction = 'in' | 'out';

export interface NewEmail {
  dealId: string;
  mailboxId: string;
  direction: Direction;
  letter: Letter;
  createdBy: string | null;
  now: number;
}

/** Keeps a letter and its files on a deal in `trx`; returns its id. */
export async function insertEmail(trx: Kysely<Database>, e: NewEmail): Promise<string> {
  const id = newRowId();
  const { letter } = e;
  await trx
    .insertInto('crm_emails')
    .values({
      id,
      deal_id: e.dealId,
      mailbox_id: e.mailboxId,
      direction: e.direction,
      message_key: letter.key,
      in_reply_to: letter.answers[0] ?? null,
      from_address: letter.from.address,
      from_name: letter.from.name,
      to_list: JSON.stringify(letter.to),
      cc_list: JSON.stringify(letter.cc),
      subject: letter.subject,
      body: letter.text,
      files: JSON.stringify(
        letter.files.map((f) => ({
          filename: f.filename,
          contentType: f.contentType,
          size: f.content.length,
        })),
      ),
      sent_at: letter.sentAt,
      delivered_at: null,
      created_by: e.createdBy,
      created_at: e.now,
    })
    .execute();
  for (const [idx, file] of letter.files.entries())
    await trx.insertInto('crm_email_files').values({ email_id: id, idx, content: file.content }).execute();
  return id;
}

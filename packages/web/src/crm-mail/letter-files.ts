import { readAsBase64 } from '../admin/documents/docx-file.ts';
import type { NewEmail } from '../api/crm-mail.ts';
import { mediaTypeOf } from '../app/media-type.ts';

/** A file as a letter written here carries it: its content as base64. */
export type LetterAttachment = NonNullable<NewEmail['attachments']>[number];

/** What the server takes on one letter: so many files, so many bytes in all (decoded). */
export const MAX_LETTER_FILES = 20;
export const MAX_LETTER_BYTES = 15 * 1024 * 1024;

type Chosen = Pick<File, 'name' | 'size' | 'lastModified'>;

/** A chosen file's identity: the same file chosen again has the same key. */
export const fileKey = (file: Chosen) => `${file.name}:${file.size}:${file.lastModified}`;

/** The files chosen before with the newly chosen ones after them, none twice. */
export function withFiles<F extends Chosen>(files: readonly F[], chosen: readonly F[]): F[] {
  const all = [...files, ...chosen];
  return all.filter((file, i) => all.findIndex((f) => fileKey(f) === fileKey(file)) === i);
}

/** How many bytes the files take together. */
export const totalSize = (files: readonly Pick<File, 'size'>[]) =>
  files.reduce((sum, file) => sum + file.size, 0);

/** Why the files cannot go with a letter, said before sending; null when they may. */
export function filesProblem(files: readonly Pick<File, 'size'>[]): 'tooMany' | 'tooLarge' | null {
  if (files.length > MAX_LETTER_FILES) return 'tooMany';
  return totalSize(files) > MAX_LETTER_BYTES ? 'tooLarge' : null;
}

/** A chosen file as the letter's body carries it. */
export async function attachmentOf(file: File): Promise<LetterAttachment> {
  const contentType = mediaTypeOf(file);
  return {
    filename: file.name,
    ...(contentType ? { contentType } : {}),
    content: await readAsBase64(file),
  };
}

import { ApiError } from '../api/client.ts';
import { MAX_UPLOAD_BYTES } from '../api/process-files.ts';
import { type SizeProblem, sizeProblem } from '../app/size-problem.ts';

/** Why a file was not attached to a `file` field, worded in forms.json `file.problems`. */
export type AttachProblem = SizeProblem | 'badName' | 'failed';

/** Why a chosen file is not even sent: no bytes, or more than an upload takes. */
export const attachProblemOf = (file: Pick<File, 'size'>): SizeProblem | null =>
  sizeProblem(file, MAX_UPLOAD_BYTES);

/**
 * What the server's refusal of an upload means to whoever chose the file: too large (413), empty (422
 * at `body`), a name it does not take (422 at `querystring.name`); anything else did not go through.
 */
export function refusedUpload(error: unknown): AttachProblem {
  if (!(error instanceof ApiError)) return 'failed';
  if (error.status === 413) return 'tooLarge';
  if (error.status !== 422) return 'failed';
  const at = (path: string) => error.errors.some((e) => e.path === path || e.path.startsWith(`${path}.`));
  if (at('querystring.name')) return 'badName';
  return at('body') ? 'empty' : 'failed';
}

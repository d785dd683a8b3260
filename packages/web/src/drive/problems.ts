import type { TFunction } from 'i18next';
import { fieldErrorsOf } from '../app/FormProblem.tsx';
import { refusalsOf } from '../crm/problems.ts';

/** The drive's refusals a user can act on, worded in drive.json `problems`. */
const refusals = refusalsOf('drive', ['FOLDER_NAME_TAKEN', 'FILE_NAME_TAKEN', 'READ_ONLY']);

export const { codeOf: driveProblemCode, message: driveProblem, explained: explainedDriveProblem } = refusals;

/** The message beside a name input (`body.name`): a name already taken in the reader's words, else the server's. */
export function nameErrorOf(error: unknown, t: TFunction): string | undefined {
  const message = fieldErrorsOf(error, ['name']).name;
  return message && driveProblemCode(error) ? driveProblem(error, t) : message;
}

import { refusalsOf } from '../crm/problems.ts';

/** The mail refusals a user can act on; their words are in mail.json `problems`. */
export const { message: mailProblem, explained: explainedMail } = refusalsOf('mail', [
  'MAILBOX_UNREACHABLE',
  'READ_ONLY',
  'BAD_REFERENCE',
]);

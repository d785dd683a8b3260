import { refusalsOf } from '../crm/problems.ts';

/** The server's refusals about quotes a user can act on, worded by `quotes.json` `problems`. */
export const {
  codeOf: quoteProblemCode,
  message: quoteProblemMessage,
  explained: explainedQuoteProblem,
} = refusalsOf('quotes', [
  'VERSION_CONFLICT',
  'QUOTE_NOT_DRAFT',
  'QUOTE_CLOSED',
  'NO_RECIPIENT',
  'INVALID_QUOTE',
  'BAD_REFERENCE',
]);

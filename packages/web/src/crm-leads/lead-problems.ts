import { refusalsOf } from '../crm/problems.ts';

/** The lead refusals a user can act on; their words are in leads.json `problems`. */
const refusals = refusalsOf('leads', [
  'VERSION_CONFLICT',
  'LEAD_CONVERTED',
  'BAD_REFERENCE',
  'INVALID_FIELDS',
  'READ_ONLY',
]);

export const { codeOf: leadProblemCode, message: leadProblem, explained: explainedLead } = refusals;

import { refusalsOf } from '../crm/problems.ts';

/** The refusals of records a user can act on, worded in lists.json `problems`. */
const refusals = refusalsOf('lists', ['VERSION_CONFLICT', 'READ_ONLY']);

export const { codeOf: listProblemCode, explained: explainedListProblem } = refusals;

import { refusalsOf } from '../crm/problems.ts';

/** The activity refusals a user can act on; their words are in activities.json `problems`. */
const refusals = refusalsOf('activities', ['ACTIVITY_DONE', 'READ_ONLY', 'BAD_REFERENCE']);

export const { message: activityProblem, explained: explainedActivity } = refusals;

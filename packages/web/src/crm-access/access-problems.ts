import { refusalsOf } from '../crm/problems.ts';

/** CRM access's refusals a user can act on; their words are in crmAccess.json `problems`. */
export const { explained: explainedAccess } = refusalsOf('crmAccess', ['GRANT_EXISTS']);

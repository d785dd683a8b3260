import { ALL_SCOPES, type Caller } from '../access/caller.ts';

/**
 * Who "creates" what the CRM makes by itself — a web form's leads, a mailbox's leads: `id` (`form:…`,
 * `mailbox:…`) with no roles, so it sees nothing and links a new lead to nothing it could not see.
 */
export const systemCaller = (id: string): Caller => ({
  userId: id,
  roles: [],
  via: 'apiToken',
  scopes: ALL_SCOPES,
  membership: async () => ({ departments: [], groups: [] }),
});

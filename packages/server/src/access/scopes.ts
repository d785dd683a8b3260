/**
 * What an API token may be used for. A session (and the bootstrap admin token) holds every scope; a
 * token holds those it was created with. Scopes only narrow: the token's user still needs the
 * permission for each thing (access/abilities.ts, the per-template rights, visibility).
 */
export const SCOPES = [
  'processes:read',
  'processes:write',
  'tasks:write',
  'org:read',
  'org:admin',
  'crm:read',
  'crm:write',
  'lists:read',
  'lists:write',
  'files:read',
  'files:write',
  'webhooks:admin',
] as const;
export type Scope = (typeof SCOPES)[number];

/** Each scope's meaning, for the OpenAPI description and docs. */
export const SCOPE_MEANING: Record<Scope, string> = {
  'processes:read': 'read templates, instances, tasks and jobs',
  'processes:write':
    'edit and publish templates and their rights, start, terminate and retry instances, send messages, retry jobs',
  'tasks:write': 'complete and delegate tasks',
  'org:read': 'read users, departments, roles and groups',
  'org:admin': 'change the organisation: users, departments, roles, groups, import, password reset',
  'crm:read': 'read pipelines, deals, contacts and companies',
  'crm:write': 'create, change and delete deals, contacts and companies; change pipelines',
  'lists:read': 'read lists and their records',
  'lists:write': 'add, change and delete list records; change lists',
  'files:read': 'read drive folders and download their files',
  'files:write': 'upload, rename and delete files; change folders',
  'webhooks:admin': "manage the webhooks Baton's events are sent to",
};

/**
 * What a route needs (its `config.access`): a scope; `signedIn` (anyone authenticated); `interactive`
 * (a session or the admin token — never an API token, so tokens cannot mint tokens); `public` (no
 * credentials, e.g. sign-in).
 */
export type RouteAccess = Scope | 'signedIn' | 'interactive' | 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api/v1 route; http/auth.ts refuses to register one without it. */
    access?: RouteAccess;
  }
}

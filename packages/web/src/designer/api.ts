import type { DefinitionInput } from '@baton/engine';
import { type Answer, ApiError, type Body, call, csrfToken } from '../api/client.ts';

/**
 * The designer's calls to the server, on the app's typed client (`src/api/client.ts`, generated from the
 * server's OpenAPI). Every request the designer makes goes through here.
 */

export { ApiError };
export type DefinitionSummary = Answer<'GET /api/v1/definitions'>['items'][number];
export type DefinitionView = Answer<'GET /api/v1/definitions/{key}'>;
export type SavedDraft = Answer<'PUT /api/v1/definitions/{key}/draft'>;
export type DefinitionRights = Answer<'GET /api/v1/definitions/{key}/rights'>;
type RightsBody = Body<'PUT /api/v1/definitions/{key}/rights'>;

/** Every template with its latest version: the app's shared query (the start catalogue shows the same list). */
export { useDefinitions } from '../api/definitions.ts';

export const definitionsApi = {
  get: (key: string, version?: number | 'draft') =>
    call('GET /api/v1/definitions/{key}', {
      path: { key },
      ...(version === undefined ? {} : { query: { version } }),
    }),
  saveDraft: (key: string, definition: DefinitionInput) =>
    call('PUT /api/v1/definitions/{key}/draft', {
      path: { key },
      body: definition as Record<string, unknown>,
    }),
  publish: (key: string) => call('POST /api/v1/definitions/{key}/publish', { path: { key } }),
  importBpmn: (xml: string) => call('POST /api/v1/definitions/import', { body: xml }),
  exportBpmn: (key: string, version?: number | 'draft') =>
    call('GET /api/v1/definitions/{key}/bpmn', {
      path: { key },
      ...(version === undefined ? {} : { query: { version } }),
    }),
  rights: (key: string) => call('GET /api/v1/definitions/{key}/rights', { path: { key } }),
  setRights: (key: string, rights: RightsBody) =>
    call('PUT /api/v1/definitions/{key}/rights', { path: { key }, body: rights }),
  /**
   * Deletes a template. The server has no such endpoint yet (it is not in the OpenAPI description), so
   * this is a plain request: today it answers 404, which the templates page reports as unsupported.
   */
  remove: async (key: string): Promise<void> => {
    const token = csrfToken();
    const response = await fetch(`/api/v1/definitions/${encodeURIComponent(key)}`, {
      method: 'DELETE',
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    });
    if (response.ok) return;
    const problem = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? response.statusText,
    );
  },
};

export type OrgUser = Answer<'GET /api/v1/users'>['items'][number];
export type OrgNamed = Answer<'GET /api/v1/roles'>['items'][number];
export type OrgDepartment = Answer<'GET /api/v1/departments'>['items'][number];

/** The organisation, for the assignee picker. Each list is empty when the caller may not read it. */
export const orgApi = {
  users: () =>
    call('GET /api/v1/users', { query: { limit: 200, active: 'true' } })
      .then((r) => r.items)
      .catch((): OrgUser[] => []),
  roles: () =>
    call('GET /api/v1/roles')
      .then((r) => r.items)
      .catch((): OrgNamed[] => []),
  groups: () =>
    call('GET /api/v1/groups')
      .then((r) =>
        r.items.map(
          (g): OrgNamed => ({ name: g.name, title: g.title, description: g.description, builtin: false }),
        ),
      )
      .catch((): OrgNamed[] => []),
  departments: () =>
    call('GET /api/v1/departments')
      .then((r) => r.items)
      .catch((): OrgDepartment[] => []),
};

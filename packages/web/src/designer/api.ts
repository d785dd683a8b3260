import type { DefinitionInput } from '@baton/engine';
import { type Answer, ApiError, type Body, call } from '../api/client.ts';

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

/** The plugins' custom activities, registered in the engine as they arrive. */
export { useServiceActivities } from '../api/activities.ts';
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
  /** Deletes a template, every version; processes already running keep running on theirs. */
  remove: (key: string) => call('DELETE /api/v1/definitions/{key}', { path: { key } }),
};

export type OrgUser = Answer<'GET /api/v1/users'>['items'][number];
export type OrgNamed = Answer<'GET /api/v1/roles'>['items'][number];
export type OrgDepartment = Answer<'GET /api/v1/departments'>['items'][number];
/** The organisation as assignment sees it, each user with a display name. */
export type OrgSnapshotAnswer = Answer<'GET /api/v1/org/directory'>;

/**
 * The organisation, for the assignee picker (each list is empty when the caller may not read it) and the
 * test run (`directory`: the snapshot assignment uses; refused with 403 to those who edit no template).
 */
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
  directory: (signal?: AbortSignal) => call('GET /api/v1/org/directory', { signal }),
};

import type { DefinitionInput } from '@baton/engine';

/**
 * The designer's calls to the definitions API. A small local helper until the app's shared client in
 * `src/api/` lands; every call the designer makes goes through here, so switching is one file.
 */

export interface DefinitionSummary {
  key: string;
  name: string;
  version: number;
  status: 'draft' | 'published';
  publishedVersion: number | null;
  createdAt: string;
}

export interface ApiProblem {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  nodeId?: string;
  flowId?: string;
  path?: string;
  elementId?: string;
}

export interface DefinitionView {
  key: string;
  version: number;
  status: 'draft' | 'published';
  name: string;
  createdAt: string;
  publishedAt: string | null;
  definition: DefinitionInput;
}

export interface SavedDraft {
  key: string;
  version: number;
  status: 'draft';
  problems: ApiProblem[];
}

/** A failed call: the status and the problem+json body's code and detail. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly problems: ApiProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const BASE = '/api/v1';

async function call<T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET') {
    const csrf = /(?:^|;\s*)baton_csrf=([^;]*)/.exec(document.cookie)?.[1];
    if (csrf) headers['x-csrf-token'] = decodeURIComponent(csrf);
  }
  if (body !== undefined) headers['Content-Type'] = type;
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  if (response.status === 204) return null as T;
  const text = await response.text();
  const parsed = text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const p = (typeof parsed === 'object' && parsed) || {};
    throw new ApiError(
      response.status,
      p.code,
      p.detail ?? p.title ?? `${method} ${path}: ${response.status}`,
      p.problems ?? [],
    );
  }
  return parsed as T;
}

const enc = encodeURIComponent;

export const definitionsApi = {
  list: () => call<{ items: DefinitionSummary[] }>('GET', '/definitions').then((r) => r.items),
  get: (key: string, version?: number | 'draft') =>
    call<DefinitionView>(
      'GET',
      `/definitions/${enc(key)}${version === undefined ? '' : `?version=${version}`}`,
    ),
  saveDraft: (key: string, definition: DefinitionInput) =>
    call<SavedDraft>('PUT', `/definitions/${enc(key)}/draft`, definition),
  validate: (key: string, definition: DefinitionInput) =>
    call<{ ok: boolean; problems: ApiProblem[] }>('POST', `/definitions/${enc(key)}/validate`, definition),
  publish: (key: string) =>
    call<DefinitionView & { warnings: ApiProblem[] }>('POST', `/definitions/${enc(key)}/publish`),
  importBpmn: (xml: string, key?: string) =>
    call<SavedDraft>('POST', `/definitions/import${key ? `?key=${enc(key)}` : ''}`, xml, 'application/xml'),
  exportBpmn: (key: string, version?: number | 'draft') =>
    call<string>('GET', `/definitions/${enc(key)}/bpmn${version === undefined ? '' : `?version=${version}`}`),
  remove: (key: string) => call<null>('DELETE', `/definitions/${enc(key)}`),
  rights: (key: string) => call<DefinitionRights>('GET', `/definitions/${enc(key)}/rights`),
  setRights: (key: string, rights: Pick<DefinitionRights, 'start' | 'view' | 'edit'>) =>
    call<DefinitionRights>('PUT', `/definitions/${enc(key)}/rights`, rights),
};

/** Who may start, see and edit a template: subjects `everyone`, `user:<id>`, `role:<name>`, `department:<id>`, `group:<name>`. */
export interface DefinitionRights {
  key: string;
  start: string[];
  view: string[];
  edit: string[];
  explicit: boolean;
}

export interface OrgUser {
  id: string;
  login: string;
  name: string;
  position: string | null;
  departmentId: string | null;
}
export interface OrgNamed {
  name: string;
  title: string;
}
export interface OrgDepartment {
  id: string;
  name: string;
  parentId: string | null;
}

/** The organisation, for the assignee picker. Each list is empty when the API is absent or refuses. */
export const orgApi = {
  users: () =>
    call<{ items: OrgUser[] }>('GET', '/users?limit=200&active=true')
      .then((r) => r.items)
      .catch(() => [] as OrgUser[]),
  roles: () =>
    call<{ items: OrgNamed[] }>('GET', '/roles')
      .then((r) => r.items)
      .catch(() => [] as OrgNamed[]),
  groups: () =>
    call<{ items: OrgNamed[] }>('GET', '/groups')
      .then((r) => r.items)
      .catch(() => [] as OrgNamed[]),
  departments: () =>
    call<{ items: OrgDepartment[] }>('GET', '/departments')
      .then((r) => r.items)
      .catch(() => [] as OrgDepartment[]),
};

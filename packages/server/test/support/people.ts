import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Api } from '../api-harness.ts';

/** Every test user's password: long enough for the policy, the same everywhere (scrypt is slow enough). */
export const PASSWORD = 'correct horse battery';

/** A signed-in browser: the session and CSRF cookies, and the CSRF token echoed on unsafe requests. */
export interface Session {
  readonly userId: string;
  readonly cookie: string;
  readonly csrf: string;
  call(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/** The cookies a response sets, by name (value and attributes as sent). */
export function setCookies(res: LightMyRequestResponse): Map<string, string> {
  const raw = res.headers['set-cookie'];
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return new Map(list.map((c) => [c.slice(0, c.indexOf('=')), c]));
}

const cookieValue = (setCookie: string | undefined) =>
  decodeURIComponent((setCookie ?? '').split(';')[0]?.split('=')[1] ?? '');

/** `POST /auth/login` and a client that sends the cookies like a browser (and the CSRF header). */
export async function signIn(app: FastifyInstance, login: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  expect(res.statusCode, res.body).toBe(200);
  const cookies = setCookies(res);
  const session = cookieValue(cookies.get('baton_session'));
  const csrf = cookieValue(cookies.get('baton_csrf'));
  const cookie = `baton_session=${session}; baton_csrf=${csrf}`;
  return {
    userId: res.json().user.id,
    cookie,
    csrf,
    call: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      }),
  };
}

/**
 * A user's calls for a suite whose clock moves by days: signed in once, and again when the session has
 * lapsed (a 401), so each call acts as the user whatever the clock says.
 */
export function asUser(app: () => FastifyInstance, login: string): Session['call'] {
  let session: Session | undefined;
  return async (...args) => {
    session ??= await signIn(app(), login);
    const res = await session.call(...args);
    if (res.statusCode !== 401) return res;
    session = await signIn(app(), login);
    return session.call(...args);
  };
}

export interface NewUser {
  id: string;
  name?: string;
  departmentId?: string | null;
  position?: string;
  roles?: { role: string; departmentId?: string }[];
  managerId?: string;
}

/** Creates a user through the API (admin token) with `PASSWORD`; login = id. */
export async function createUser(api: Api, user: NewUser): Promise<void> {
  const res = await api.call('POST', '/api/v1/users', {
    login: user.id,
    name: user.name ?? user.id,
    password: PASSWORD,
    ...user,
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** Creates a department through the API (admin token). */
export async function createDepartment(
  api: Api,
  department: { id: string; name?: string; parentId?: string | null; headId?: string | null },
): Promise<void> {
  const res = await api.call('POST', '/api/v1/departments', { name: department.id, ...department });
  expect(res.statusCode, res.body).toBe(201);
}

/** Sets a department's head (after its head exists). */
export async function setHead(api: Api, departmentId: string, headId: string): Promise<void> {
  const res = await api.call('PATCH', `/api/v1/departments/${departmentId}`, { headId });
  expect(res.statusCode, res.body).toBe(200);
}

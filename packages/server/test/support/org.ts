import { expect } from 'vitest';
import type { Api } from '../api-harness.ts';
import { PASSWORD } from './people.ts';

export interface PersonSpec {
  id: string;
  departmentId?: string;
  /** Role names held company-wide, or holdings in a department. */
  roles?: (string | { role: string; departmentId: string })[];
  managerId?: string;
  /** Give the user the test password, so they can sign in (scrypt: only for those who do). */
  canSignIn?: boolean;
}

export interface OrgSpec {
  roles?: string[];
  /** In order: a parent before its children. */
  departments?: { id: string; parentId?: string; head?: string }[];
  users: PersonSpec[];
}

/** Just users who may sign in (login = id; support/people.ts signs them in). */
export const usersWhoSignIn = (...ids: string[]): OrgSpec => ({
  users: ids.map((id) => ({ id, canSignIn: true })),
});

/** Roles, departments, users (login = id), then the departments' heads — through the API with the admin token. */
export async function addPeople(api: Api, org: OrgSpec): Promise<void> {
  const ok = (res: { statusCode: number; body: string }, status: number) =>
    expect(res.statusCode, res.body).toBe(status);
  for (const name of org.roles ?? []) ok(await api.call('POST', '/api/v1/roles', { name, title: name }), 201);
  for (const d of org.departments ?? [])
    ok(
      await api.call('POST', '/api/v1/departments', { id: d.id, name: d.id, parentId: d.parentId ?? null }),
      201,
    );
  for (const u of org.users) {
    const body = {
      id: u.id,
      login: u.id,
      name: u.id,
      ...(u.departmentId ? { departmentId: u.departmentId } : {}),
      ...(u.managerId ? { managerId: u.managerId } : {}),
      ...(u.canSignIn ? { password: PASSWORD } : {}),
      roles: (u.roles ?? []).map((r) => (typeof r === 'string' ? { role: r } : r)),
    };
    ok(await api.call('POST', '/api/v1/users', body), 201);
  }
  for (const d of org.departments ?? [])
    if (d.head) ok(await api.call('PATCH', `/api/v1/departments/${d.id}`, { headId: d.head }), 200);
}

export interface OpenTask {
  id: string;
  nodeId: string;
  assignees: string[];
  status: string;
  redirects: { assignee: string; meantFor: string; reason: string }[];
  warning: string | null;
  dueAt: string | null;
}

/** The tasks of an instance (every status, or one), as the admin sees them. */
export async function tasksOf(api: Api, instanceId: string, status?: string): Promise<OpenTask[]> {
  const res = await api.call(
    'GET',
    `/api/v1/tasks?instanceId=${instanceId}${status ? `&status=${status}` : ''}&limit=200`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

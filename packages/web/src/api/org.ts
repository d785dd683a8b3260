import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Body, call } from './client.ts';
import { refresh } from './query-client.ts';
import type { User } from './types.ts';

export const orgKeys = {
  users: ['org', 'users'] as const,
  departments: ['org', 'departments'] as const,
  roles: ['org', 'roles'] as const,
  groups: ['org', 'groups'] as const,
};

/** Every user (a company of a few hundred fits in a few pages), for names and pickers. */
export function useUsers() {
  return useQuery({
    queryKey: orgKeys.users,
    queryFn: ({ signal }) => allUsers({}, signal),
    staleTime: 5 * 60_000,
  });
}

/** The people who report to `headId`, directly or not: a head's team, for the team's tasks. */
export function useTeam(headId: string | undefined) {
  return useQuery({
    queryKey: [...orgKeys.users, 'below', headId],
    queryFn: ({ signal }) => allUsers({ below: headId }, signal),
    enabled: headId !== undefined,
    staleTime: 5 * 60_000,
  });
}

async function allUsers(filter: { below?: string | undefined }, signal: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('GET /api/v1/users', {
      query: { limit: 200, ...filter, ...(cursor ? { cursor } : {}) },
      signal,
    });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

/**
 * A display name for an assignee or actor reference: a user's name for `u1` or `user:u1`; a role,
 * group or head reference as a short label; anything unknown as it is.
 */
export function useUserNames(): (ref: string | null | undefined) => string {
  const users = useUsers().data ?? [];
  const byId = new Map(users.map((u) => [u.id, u.name]));
  return (ref) => {
    if (!ref) return '—';
    const id = ref.startsWith('user:') ? ref.slice(5) : ref;
    return byId.get(id) ?? ref;
  };
}

export function useDepartments() {
  return useQuery({
    queryKey: orgKeys.departments,
    queryFn: ({ signal }) => call('GET /api/v1/departments', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useRoles() {
  return useQuery({
    queryKey: orgKeys.roles,
    queryFn: ({ signal }) => call('GET /api/v1/roles', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useGroups() {
  return useQuery({
    queryKey: orgKeys.groups,
    queryFn: ({ signal }) => call('GET /api/v1/groups', { signal }),
    staleTime: 5 * 60_000,
  });
}

export type AbsenceInput = Body<'POST /api/v1/absences'>;

/** Absences that are not over yet (current and planned), latest start first. */
export function useAbsences(today: string) {
  return useQuery({
    queryKey: ['org', 'absences', today],
    queryFn: ({ signal }) => call('GET /api/v1/absences', { query: { from: today, limit: 200 }, signal }),
  });
}

export function useRecordAbsence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AbsenceInput) => call('POST /api/v1/absences', { body }),
    onSuccess: () => refresh(client, 'org', 'tasks'),
  });
}

export function useRemoveAbsence() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/absences/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'org', 'tasks'),
  });
}

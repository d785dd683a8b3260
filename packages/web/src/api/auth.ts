import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, call } from './client.ts';
import type { Me } from './types.ts';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session (a 401 is an answer here, not an error). */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }): Promise<Me | null> => {
      try {
        return await call('GET /api/v1/auth/me', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}

/** Whether the signed-in user has an ability (abilities come from their built-in roles). */
export function useAbility(ability: string): boolean {
  const me = useMe().data;
  return me?.abilities.includes(ability) ?? false;
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { login: string; password: string }) => call('POST /api/v1/auth/login', { body }),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('POST /api/v1/auth/logout'),
    onSettled: () => {
      client.clear();
      client.setQueryData(meKey, null);
    },
  });
}

/** Changes what the signed-in user gets by e-mail; the answer updates `useMe` at once. */
export function useSetEmailPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { tasks?: boolean; notifications?: boolean }) =>
      call('PATCH /api/v1/auth/me/email-preferences', { body }),
    onSuccess: (emailPreferences) =>
      client.setQueryData<Me | null>(meKey, (me) => (me ? { ...me, emailPreferences } : me)),
  });
}

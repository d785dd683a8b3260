import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';

export type Grant = Answer<'GET /api/v1/crm/access'>['items'][number];
export type GrantEntity = Grant['entity'];
export type GrantAccess = Grant['access'];
export type NewGrant = Body<'POST /api/v1/crm/access'>;

const accessKey = ['crm', 'access'] as const;

/** Every grant, by role then kind (`manageCrm`; others are refused). */
export function useCrmAccess() {
  return useQuery({
    queryKey: accessKey,
    queryFn: ({ signal }) => call('GET /api/v1/crm/access', { signal }),
  });
}

/** Lets a role's holders read (or change) a kind of item, or one pipeline's deals or leads. */
export function useGrantAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewGrant) => call('POST /api/v1/crm/access', { body }),
    // Not awaited: the caller's callbacks (close the dialog) need not wait for the refetch.
    onSuccess: () => void client.invalidateQueries({ queryKey: accessKey }),
  });
}

/** Read or write: the answer goes straight into the list, so the switch does not flick back meanwhile. */
export function useChangeAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; access: GrantAccess }) =>
      call('PATCH /api/v1/crm/access/{id}', { path: { id: input.id }, body: { access: input.access } }),
    onSuccess: (saved) =>
      client.setQueryData<Answer<'GET /api/v1/crm/access'>>(accessKey, (list) =>
        list ? { items: list.items.map((g) => (g.id === saved.id ? saved : g)) } : list,
      ),
  });
}

export function useWithdrawAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/access/{id}', { path: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: accessKey }),
  });
}

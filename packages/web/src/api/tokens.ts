import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';
import { refresh } from './query-client.ts';

export type ApiToken = Answer<'GET /api/v1/auth/tokens'>['items'][number];
export type NewApiToken = Body<'POST /api/v1/auth/tokens'>;
export type Scope = ApiToken['scopes'][number];
/** Every scope, in the order the form offers them (a record, so a new server scope fails to compile here). */
const SCOPE_ORDER: Record<Scope, number> = {
  'processes:read': 0,
  'tasks:write': 1,
  'processes:write': 2,
  'org:read': 3,
  'org:admin': 4,
  'crm:read': 5,
  'crm:write': 6,
  'lists:read': 7,
  'lists:write': 8,
  'files:read': 9,
  'files:write': 10,
  'webhooks:admin': 11,
};
export const SCOPES = (Object.keys(SCOPE_ORDER) as Scope[]).sort((a, b) => SCOPE_ORDER[a] - SCOPE_ORDER[b]);

const tokensKey = ['tokens'] as const;

/** The signed-in user's API tokens (never their secrets). */
export function useApiTokens() {
  return useQuery({
    queryKey: tokensKey,
    queryFn: ({ signal }) => call('GET /api/v1/auth/tokens', { signal }),
  });
}

/** Creates a token; the answer carries the secret, which the server never shows again. */
export function useCreateApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewApiToken) => call('POST /api/v1/auth/tokens', { body }),
    onSuccess: () => refresh(client, 'tokens'),
  });
}

export function useRevokeApiToken() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/auth/tokens/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'tokens'),
  });
}

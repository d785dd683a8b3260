import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, type Query } from './client.ts';
import { refresh } from './query-client.ts';

export type Contact = Answer<'GET /api/v1/crm/contacts/{id}'>;
export type Company = Answer<'GET /api/v1/crm/companies/{id}'>;

/**
 * Contacts and companies — the parties deals are with — are two resources of one shape: a paged list
 * with filters, one record, create, change, delete. One set of hooks serves both, by kind.
 */
export interface Parties {
  contacts: {
    record: Contact;
    filters: Omit<Query<'GET /api/v1/crm/contacts'>, 'cursor'>;
    input: Body<'POST /api/v1/crm/contacts'>;
    changes: Body<'PATCH /api/v1/crm/contacts/{id}'>;
  };
  companies: {
    record: Company;
    filters: Omit<Query<'GET /api/v1/crm/companies'>, 'cursor'>;
    input: Body<'POST /api/v1/crm/companies'>;
    changes: Body<'PATCH /api/v1/crm/companies/{id}'>;
  };
}
export type PartyKind = keyof Parties;
export type Party = Parties[PartyKind]['record'];

interface PartyPage<T> {
  items: T[];
  nextCursor: string | null;
}

// The endpoints of both kinds take and answer the shapes `Parties` names; typed once here through the
// contacts' signatures, so the hooks below need no branch per kind.
const list = (kind: PartyKind, query: object, signal: AbortSignal) =>
  call(`GET /api/v1/crm/${kind}` as 'GET /api/v1/crm/contacts', { query, signal });
const one = (kind: PartyKind, id: string, signal?: AbortSignal) =>
  call(`GET /api/v1/crm/${kind}/{id}` as 'GET /api/v1/crm/contacts/{id}', {
    path: { id },
    ...(signal ? { signal } : {}),
  });
const create = (kind: PartyKind, body: object) =>
  call(`POST /api/v1/crm/${kind}` as 'POST /api/v1/crm/contacts', {
    body: body as Parties['contacts']['input'],
  });
const update = (kind: PartyKind, id: string, body: object) =>
  call(`PATCH /api/v1/crm/${kind}/{id}` as 'PATCH /api/v1/crm/contacts/{id}', {
    path: { id },
    body: body as Parties['contacts']['changes'],
  });
const remove = (kind: PartyKind, id: string) =>
  call(`DELETE /api/v1/crm/${kind}/{id}` as 'DELETE /api/v1/crm/contacts/{id}', { path: { id } });

export const partyKeys = {
  list: (kind: PartyKind, filters: object) => ['crm', kind, 'list', filters] as const,
  one: (kind: PartyKind, id: string) => ['crm', kind, 'one', id] as const,
};

/** Contacts or companies I see, newest first, page by page; `q` searches names, phones, e-mails. */
export function usePartyList<K extends PartyKind>(
  kind: K,
  filters: Parties[K]['filters'],
  options: { enabled?: boolean } = {},
) {
  return useInfiniteQuery({
    queryKey: partyKeys.list(kind, filters),
    queryFn: async ({ pageParam, signal }) =>
      (await list(kind, { ...filters, ...(pageParam ? { cursor: pageParam } : {}) }, signal)) as PartyPage<
        Parties[K]['record']
      >,
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
}

export function useParty<K extends PartyKind>(kind: K, id: string) {
  return useQuery({
    queryKey: partyKeys.one(kind, id),
    queryFn: async ({ signal }) => (await one(kind, id, signal)) as Parties[K]['record'],
    enabled: id !== '',
  });
}

export function useCreateParty<K extends PartyKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: Parties[K]['input']) => (await create(kind, body)) as Parties[K]['record'],
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useUpdateParty<K extends PartyKind>(kind: K) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; changes: Parties[K]['changes'] }) =>
      (await update(kind, input.id, input.changes)) as Parties[K]['record'],
    onSuccess: (record) => {
      client.setQueryData(partyKeys.one(kind, record.id), record);
      // A renamed company or contact shows under its new name on deals and contacts too.
      refresh(client, 'crm');
    },
  });
}

export function useDeleteParty(kind: PartyKind) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => remove(kind, id),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: partyKeys.one(kind, id) });
      refresh(client, 'crm');
    },
  });
}

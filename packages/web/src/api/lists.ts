import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';
import { refresh } from './query-client.ts';
import type { List, ListField, ListRecord } from './schema.gen.ts';

export type { List, ListField, ListRecord };
/** What POST and PUT take: the whole list's settings. */
export type ListInput = Body<'POST /api/v1/lists'>;
export type RecordPage = Answer<'GET /api/v1/lists/{id}/records'>;
export type RecordValue = ListRecord['values'][string];
export type RecordInput = Body<'POST /api/v1/lists/{id}/records'>;
export type RecordChanges = Body<'PATCH /api/v1/list-records/{id}'>;

/** Everything of lists under `lists`, so whatever changes a list or a record refreshes them all. */
export const listKeys = {
  all: ['lists', 'all'] as const,
  one: (idOrKey: string) => ['lists', 'one', idOrKey] as const,
  records: (idOrKey: string, q: string) => ['lists', 'records', idOrKey, q] as const,
  record: (id: string) => ['lists', 'record', id] as const,
};

/** The lists I read, by name. */
export function useLists() {
  return useQuery({
    queryKey: listKeys.all,
    queryFn: ({ signal }) => call('GET /api/v1/lists', { signal }),
  });
}

/** One list by its id or key. */
export function useList(idOrKey: string) {
  return useQuery({
    queryKey: listKeys.one(idOrKey),
    queryFn: ({ signal }) => call('GET /api/v1/lists/{id}', { path: { id: idOrKey }, signal }),
    enabled: idOrKey !== '',
  });
}

/** Creates a list (`key` null) or replaces the settings of the list `key` (`manageLists`). */
export function useSaveList(key: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ListInput) =>
      key === null
        ? call('POST /api/v1/lists', { body })
        : call('PUT /api/v1/lists/{id}', { path: { id: key }, body }),
    onSuccess: (saved) => {
      client.setQueryData(listKeys.one(saved.key), saved);
      refresh(client, 'lists');
    },
  });
}

export function useDeleteList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => call('DELETE /api/v1/lists/{id}', { path: { id: key } }),
    onSuccess: (_, key) => {
      client.removeQueries({ queryKey: listKeys.one(key) });
      refresh(client, 'lists');
    },
  });
}

/** A list's records, newest first, page by page; `q` finds text in titles and values, any letter case. */
export function useListRecords(idOrKey: string, q: string) {
  return useInfiniteQuery({
    queryKey: listKeys.records(idOrKey, q),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/lists/{id}/records', {
        path: { id: idOrKey },
        query: { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useListRecord(id: string) {
  return useQuery({
    queryKey: listKeys.record(id),
    queryFn: ({ signal }) => call('GET /api/v1/list-records/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/** Adds a record to the list `idOrKey` (its writers; READ_ONLY for its readers). */
export function useAddRecord(idOrKey: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordInput) =>
      call('POST /api/v1/lists/{id}/records', { path: { id: idOrKey }, body }),
    onSuccess: (record) => {
      client.setQueryData(listKeys.record(record.id), record);
      refresh(client, 'lists');
    },
  });
}

/** Changes a record; `changes.version` makes a change someone made meanwhile a 409 VERSION_CONFLICT. */
export function useUpdateRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: RecordChanges }) =>
      call('PATCH /api/v1/list-records/{id}', { path: { id: input.id }, body: input.changes }),
    onSuccess: (record) => {
      client.setQueryData(listKeys.record(record.id), record);
      refresh(client, 'lists');
    },
  });
}

export function useDeleteRecord() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/list-records/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: listKeys.record(id) });
      refresh(client, 'lists');
    },
  });
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, type Query } from './client.ts';
import { refresh } from './query-client.ts';

export type Lead = Answer<'GET /api/v1/crm/leads/{id}'>;
export type LeadItem = Answer<'GET /api/v1/crm/leads'>['items'][number];
export type LeadFilters = Omit<Query<'GET /api/v1/crm/leads'>, 'cursor'>;
export type NewLead = Body<'POST /api/v1/crm/leads'>;
export type LeadChanges = Body<'PATCH /api/v1/crm/leads/{id}'>;
export type LeadConversion = Body<'POST /api/v1/crm/leads/{id}/convert'>;

/** Under `crm`, so a lead moved or converted refreshes the boards, their counts and the deals at once. */
export const leadKeys = {
  pipelines: ['crm', 'pipelines', 'leads'] as const,
  list: (filters: LeadFilters) => ['crm', 'leads', 'list', filters] as const,
  one: (id: string) => ['crm', 'leads', 'one', id] as const,
};

/** The lead pipelines with their stages in order; read by everyone. */
export function useLeadPipelines() {
  return useQuery({
    queryKey: leadKeys.pipelines,
    queryFn: ({ signal }) => call('GET /api/v1/crm/pipelines', { query: { entity: 'lead' }, signal }),
    staleTime: 60_000,
  });
}

/** Leads I see, newest first, page by page: a board column (`pipelineId`, `stageId`), a search. */
export function useLeadList(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/leads', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** One lead with the stages it has been at. */
export function useLead(id: string) {
  return useQuery({
    queryKey: leadKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/crm/leads/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

export function useCreateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLead) => call('POST /api/v1/crm/leads', { body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** Changes a lead; with `version` the server refuses (409 VERSION_CONFLICT) when someone changed it since. */
export function useUpdateLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: LeadChanges }) =>
      call('PATCH /api/v1/crm/leads/{id}', { path: { id: input.id }, body: input.changes }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useDeleteLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/leads/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: leadKeys.one(id) });
      refresh(client, 'crm');
    },
  });
}

/** Makes a contact, a company and a deal of a lead in one go; the answer names the new deal. */
export function useConvertLead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: LeadConversion }) =>
      call('POST /api/v1/crm/leads/{id}/convert', { path: { id: input.id }, body: input.body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call } from './client.ts';

export type DealField = Answer<'GET /api/v1/crm/deal-fields'>['items'][number];
export type DealFieldType = DealField['type'];
export type DealFieldInput = Body<'PUT /api/v1/crm/deal-fields'>['items'][number];
/** A value a deal keeps in its `fields`. */
export type DealFieldValue = string | number | boolean | null;

/** Under `crm`, so whatever refreshes the CRM refreshes the fields too. */
export const dealFieldKeys = { list: ['crm', 'deal-fields'] as const };

/** The company's deal fields in order; read by everyone (the deal form renders them). */
export function useDealFields() {
  return useQuery({
    queryKey: dealFieldKeys.list,
    queryFn: ({ signal }) => call('GET /api/v1/crm/deal-fields', { signal }),
    staleTime: 60_000,
  });
}

/** Replaces the whole list (`manageCrm`); the answer becomes the cached list at once. */
export function useSaveDealFields() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: DealFieldInput[]) => call('PUT /api/v1/crm/deal-fields', { body: { items } }),
    onSuccess: (saved) => client.setQueryData(dealFieldKeys.list, saved),
  });
}

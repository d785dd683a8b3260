import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, type CallArgs, call } from './client.ts';

export type CrmField = Answer<'GET /api/v1/crm/fields/{entity}'>['items'][number];
export type CrmFieldType = CrmField['type'];
export type CrmFieldInput = Body<'PUT /api/v1/crm/fields/{entity}'>['items'][number];
/** The kinds of CRM items that have the company's own fields: deals, leads, contacts, companies. */
export type FieldEntity = CallArgs<'GET /api/v1/crm/fields/{entity}'>['path']['entity'];
/** A value an item keeps in its `fields`. */
export type CrmFieldValue = string | number | boolean | null;
/**
 * A typed field as the field inputs and editor take it: the CRM's fields and a list's (which have no
 * stages) alike.
 */
export type FieldDefinition = Pick<CrmField, 'key' | 'label' | 'type' | 'options' | 'required'> & {
  requiredAtStages?: readonly string[];
};

/** Under `crm`, so whatever refreshes the CRM refreshes the fields too. */
export const fieldKeys = { list: (entity: FieldEntity) => ['crm', 'fields', entity] as const };

/** The company's fields of one kind of item, in order; read by everyone (the forms render them). */
export function useFields(entity: FieldEntity) {
  return useQuery({
    queryKey: fieldKeys.list(entity),
    queryFn: ({ signal }) => call('GET /api/v1/crm/fields/{entity}', { path: { entity }, signal }),
    staleTime: 60_000,
  });
}

/** Replaces the whole list of one kind (`manageCrm`); the answer becomes the cached list at once. */
export function useSaveFields(entity: FieldEntity) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (items: CrmFieldInput[]) =>
      call('PUT /api/v1/crm/fields/{entity}', { path: { entity }, body: { items } }),
    onSuccess: (saved) => client.setQueryData(fieldKeys.list(entity), saved),
  });
}

export const useDealFields = () => useFields('deal');
export const useSaveDealFields = () => useSaveFields('deal');

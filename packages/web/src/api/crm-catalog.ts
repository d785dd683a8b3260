import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, type Query } from './client.ts';
import { refresh } from './query-client.ts';

export type Product = Answer<'GET /api/v1/crm/products/{id}'>;
export type NewProduct = Body<'POST /api/v1/crm/products'>;
export type ProductChanges = Body<'PATCH /api/v1/crm/products/{id}'>;
export type ProductFilters = Omit<Query<'GET /api/v1/crm/products'>, 'cursor'>;
export type PriceList = Answer<'GET /api/v1/crm/price-lists/{id}'>;
export type PriceListBody = Body<'POST /api/v1/crm/price-lists'>;
export type PriceRequest = Answer<'GET /api/v1/crm/price-request'>;
export type PriceImportResult = Answer<'POST /api/v1/crm/price-lists/{id}/import'>;

/**
 * Under `crm`, so any CRM write refreshes them; an import changes both products and its list (the
 * count, when prices came), which `refresh(client, 'crm')` covers at once.
 */
export const catalogKeys = {
  products: (filters: ProductFilters) => ['crm', 'products', filters] as const,
  priceLists: ['crm', 'priceLists'] as const,
  priceRequest: ['crm', 'priceRequest'] as const,
};

/** The catalogue by name, page by page; `q` searches names and articles. Read by everyone. */
export function useProducts(filters: ProductFilters) {
  return useInfiniteQuery({
    queryKey: catalogKeys.products(filters),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/products', {
        query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewProduct) => call('POST /api/v1/crm/products', { body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** Sends only what changed; quotes keep the price they were given. */
export function useUpdateProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; changes: ProductChanges }) =>
      call('PATCH /api/v1/crm/products/{id}', { path: { id: input.id }, body: input.changes }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useDeleteProduct() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/products/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** Every supplier's price list by name, each with whether its prices are stale. Read by everyone. */
export function usePriceLists() {
  return useQuery({
    queryKey: catalogKeys.priceLists,
    queryFn: ({ signal }) => call('GET /api/v1/crm/price-lists', { signal }),
  });
}

export function useCreatePriceList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceListBody) => call('POST /api/v1/crm/price-lists', { body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useUpdatePriceList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; body: PriceListBody }) =>
      call('PATCH /api/v1/crm/price-lists/{id}', { path: { id: input.id }, body: input.body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** Refused with 409 PRICE_LIST_IN_USE while the list has products. */
export function useDeletePriceList() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/price-lists/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/**
 * Loads a supplier's CSV prices: checked only (`dryRun`), or written — all rows or none (422
 * IMPORT_FAILED naming each problem as `prices.<row>.<column>`); written prices count as fresh.
 */
export function useImportPrices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { priceListId: string; csv: string; dryRun: boolean }) =>
      call('POST /api/v1/crm/price-lists/{id}/import', {
        path: { id: input.priceListId },
        query: input.dryRun ? { dryRun: 'true' } : {},
        body: input.csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      }),
    onSuccess: (result) => {
      if (!result.dryRun) refresh(client, 'crm');
    },
  });
}

/** The letter the robot mails a supplier whose prices are stale. */
export function usePriceRequest() {
  return useQuery({
    queryKey: catalogKeys.priceRequest,
    queryFn: ({ signal }) => call('GET /api/v1/crm/price-request', { signal }),
  });
}

/** Both templates must parse: 422 INVALID_TEMPLATE at `body.subject` or `body.message`. */
export function useSavePriceRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceRequest) => call('PUT /api/v1/crm/price-request', { body }),
    onSuccess: (saved) => client.setQueryData(catalogKeys.priceRequest, saved),
  });
}

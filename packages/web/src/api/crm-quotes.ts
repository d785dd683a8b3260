import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, urlOf } from './client.ts';
import { dealKeys } from './crm-deals.ts';
import { refresh } from './query-client.ts';

export type Quote = Answer<'GET /api/v1/crm/quotes/{id}'>;
export type QuoteStatus = Quote['status'];
export type QuoteLanguage = Quote['language'];
export type NewQuote = Body<'POST /api/v1/crm/quotes'>;
export type QuoteRowInput = NewQuote['rows'][number];
export type QuoteChanges = Body<'PATCH /api/v1/crm/quotes/{id}'>;
export type QuoteSending = Body<'POST /api/v1/crm/quotes/{id}/send'>;
/** The client's answer to a sent quote. */
export type QuoteDecision = 'accept' | 'decline';

/** Under `crm`: a quote sent or accepted changes its deal (stage, amount), refreshed with it. */
export const quoteKeys = {
  all: ['crm', 'quotes'] as const,
  ofDeal: (dealId: string) => ['crm', 'quotes', 'deal', dealId] as const,
  one: (id: string) => ['crm', 'quotes', 'one', id] as const,
};

/** A deal's quotes, newest first, page by page. */
export function useDealQuotes(dealId: string) {
  return useInfiniteQuery({
    queryKey: quoteKeys.ofDeal(dealId),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/quotes', {
        query: { dealId, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: quoteKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/crm/quotes/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/**
 * The quote as answered shows at once; the deal's list of quotes is read again. One that `changesDeal`
 * (its stage, its amount) drops the deal as cached, so its card shows loading rather than the deal as
 * it was (which it would then take for someone else's change), and refreshes the rest of the CRM.
 */
function useQuoteWrite<Input>(send: (input: Input) => Promise<Quote>, changesDeal = false) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (quote) => {
      client.setQueryData(quoteKeys.one(quote.id), quote);
      if (changesDeal) {
        void client.resetQueries({ queryKey: dealKeys.one(quote.dealId) });
        refresh(client, 'crm');
      } else void client.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

/** A draft for a deal: 422 INVALID_QUOTE names each bad row field at `body.rows.<i>.<field>`. */
export const useCreateQuote = () =>
  useQuoteWrite((body: NewQuote) => call('POST /api/v1/crm/quotes', { body }));

/** Changes a draft; with `version` refused (409 VERSION_CONFLICT) when someone changed it since. */
export const useUpdateQuote = () =>
  useQuoteWrite((input: { id: string; changes: QuoteChanges }) =>
    call('PATCH /api/v1/crm/quotes/{id}', { path: { id: input.id }, body: input.changes }),
  );

/** Mails the quote to the client (422 NO_RECIPIENT when nobody is named and the client has no e-mail). */
export const useSendQuote = () =>
  useQuoteWrite(
    (input: { id: string; body: QuoteSending }) =>
      call('POST /api/v1/crm/quotes/{id}/send', { path: { id: input.id }, body: input.body }),
    true,
  );

/** Records the client's answer; an accepted quote's total becomes the deal's amount. */
export const useDecideQuote = () =>
  useQuoteWrite(
    (input: { id: string; decision: QuoteDecision }) =>
      call(`POST /api/v1/crm/quotes/{id}/${input.decision}` as 'POST /api/v1/crm/quotes/{id}/accept', {
        path: { id: input.id },
      }),
    true,
  );

/** A new draft with the same rows and terms: how a sent quote gets a new version. */
export const useCopyQuote = () =>
  useQuoteWrite((id: string) => call('POST /api/v1/crm/quotes/{id}/copy', { path: { id } }));

/** Only a draft is deleted (409 QUOTE_NOT_DRAFT otherwise). */
export function useDeleteQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/quotes/{id}', { path: { id } }),
    onSuccess: (_, id) => {
      client.removeQueries({ queryKey: quoteKeys.one(id) });
      void client.invalidateQueries({ queryKey: quoteKeys.all });
    },
  });
}

/** The quote as the client gets it, made on request; a plain link downloads it with the session cookie. */
export const quotePdfUrl = (id: string) => urlOf('/api/v1/crm/quotes/{id}/pdf', { id });

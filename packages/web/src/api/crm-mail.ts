import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, urlOf } from './client.ts';
import { activityKeys } from './crm-activities.ts';
import { refresh } from './query-client.ts';

export type Mailbox = Answer<'GET /api/v1/crm/mailboxes/{id}'>;
export type MailboxInput = Body<'POST /api/v1/crm/mailboxes'>;
export type MailboxChanges = Body<'PATCH /api/v1/crm/mailboxes/{id}'>;
export type MailboxCheck = Answer<'POST /api/v1/crm/mailboxes/{id}/check'>;
export type Email = Answer<'GET /api/v1/crm/emails'>['items'][number];
export type EmailDetail = Answer<'GET /api/v1/crm/emails/{id}'>;
export type EmailStatus = Email['status'];
export type NewEmail = Body<'POST /api/v1/crm/emails'>;

/** Under `crm`: a check makes leads and puts letters on deals, refreshed with the rest of the CRM. */
export const mailKeys = {
  mailboxes: ['crm', 'mailboxes'] as const,
  emails: ['crm', 'emails'] as const,
  ofDeal: (dealId: string) => ['crm', 'emails', 'deal', dealId] as const,
  one: (id: string) => ['crm', 'emails', 'one', id] as const,
};

/** How often a deal's letters are read again while one of them waits to go out. */
const QUEUED_POLL_MS = 3_000;

/** The mailboxes I may see: with manageCrm all, else the company's and my own. */
export function useMailboxes() {
  return useQuery({
    queryKey: mailKeys.mailboxes,
    queryFn: ({ signal }) => call('GET /api/v1/crm/mailboxes', { signal }),
  });
}

function useMailboxWrite<Input, Output>(send: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => void client.invalidateQueries({ queryKey: mailKeys.mailboxes }),
  });
}

/** Connects one; an enabled one is signed in to first (422 MAILBOX_UNREACHABLE at the field at fault). */
export const useCreateMailbox = () =>
  useMailboxWrite((body: MailboxInput) => call('POST /api/v1/crm/mailboxes', { body }));

/** Changes one; a password left out is kept. */
export const useUpdateMailbox = () =>
  useMailboxWrite((input: { id: string; changes: MailboxChanges }) =>
    call('PATCH /api/v1/crm/mailboxes/{id}', { path: { id: input.id }, body: input.changes }),
  );

/** Letters already taken stay on their deals. */
export const useDeleteMailbox = () =>
  useMailboxWrite((id: string) => call('DELETE /api/v1/crm/mailboxes/{id}', { path: { id } }));

/** Checks a mailbox now: the letters it took may be on deals, new leads and activities anywhere. */
export function useCheckMailbox() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('POST /api/v1/crm/mailboxes/{id}/check', { path: { id } }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** A deal's or lead's letters, newest first, page by page; read again while one is still queued. */
export function useDealEmails(dealId: string) {
  return useInfiniteQuery({
    queryKey: mailKeys.ofDeal(dealId),
    queryFn: ({ pageParam, signal }) =>
      call('GET /api/v1/crm/emails', {
        query: { dealId, ...(pageParam ? { cursor: pageParam } : {}) },
        signal,
      }),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((e) => e.status === 'queued'))
        ? QUEUED_POLL_MS
        : false,
  });
}

/** One letter with its whole text. */
export function useEmail(id: string) {
  return useQuery({
    queryKey: mailKeys.one(id),
    queryFn: ({ signal }) => call('GET /api/v1/crm/emails/{id}', { path: { id }, signal }),
    enabled: id !== '',
  });
}

/**
 * Writes a letter on a deal (queued; the worker sends it). A reply completes the activity its letter
 * made, so the deal's activities are read again with its letters; the deal itself does not change.
 */
export function useSendEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewEmail) => call('POST /api/v1/crm/emails', { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: mailKeys.emails });
      void client.invalidateQueries({ queryKey: activityKeys.all });
    },
  });
}

/** An attachment as the server keeps it; a plain link downloads it with the session cookie. */
export const attachmentUrl = (emailId: string, index: number) =>
  urlOf('/api/v1/crm/emails/{id}/attachments/{index}', { id: emailId, index: String(index) });

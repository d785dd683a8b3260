import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, type Body, call, callForFile, urlOf } from './client.ts';
import { refresh } from './query-client.ts';

export type DocumentTemplateSummary = Answer<'GET /api/v1/document-templates'>['items'][number];
export type DocumentTemplate = Answer<'GET /api/v1/document-templates/{key}'>;
export type TemplateUpload = Body<'PUT /api/v1/document-templates/{key}'>;
export type DocumentFormat = DocumentTemplateSummary['formats'][number];
export type InstanceDocument = Answer<'GET /api/v1/instances/{id}/documents'>['items'][number];

/** The document templates processes fill (contracts, invoices), by key. */
export function useDocumentTemplates(options: { retry?: false } = {}) {
  return useQuery({
    queryKey: ['documentTemplates', 'list'],
    queryFn: ({ signal }) => call('GET /api/v1/document-templates', { signal }),
    ...options,
  });
}

/** One template with its text (a text template's), for editing it. */
export function useDocumentTemplate(key: string) {
  return useQuery({
    queryKey: ['documentTemplates', 'one', key],
    queryFn: ({ signal }) => call('GET /api/v1/document-templates/{key}', { path: { key }, signal }),
  });
}

/** Creates a template or replaces the one under the key (a new DOCX, an edited text). */
export function useSaveDocumentTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { key: string; body: TemplateUpload }) =>
      call('PUT /api/v1/document-templates/{key}', { path: { key: input.key }, body: input.body }),
    onSuccess: () => refresh(client, 'documentTemplates'),
  });
}

export function useDeleteDocumentTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => call('DELETE /api/v1/document-templates/{key}', { path: { key } }),
    onSuccess: () => refresh(client, 'documentTemplates'),
  });
}

/** Fills a template with sample data and answers the file, to try it before a process uses it. */
export function usePreviewDocument() {
  return useMutation({
    mutationFn: (input: { key: string; format: DocumentFormat; data: Record<string, unknown> }) =>
      callForFile('POST /api/v1/document-templates/{key}/preview', {
        path: { key: input.key },
        body: { format: input.format, data: input.data },
      }),
  });
}

/**
 * The documents a process made, newest first. Under the instances' query root, so whatever refreshes
 * the card refreshes them; polled every 15 s, as the card, while `poll`.
 */
export function useInstanceDocuments(id: string, poll: boolean) {
  return useQuery({
    queryKey: ['instances', 'documents', id],
    queryFn: ({ signal }) => call('GET /api/v1/instances/{id}/documents', { path: { id }, signal }),
    enabled: id !== '',
    refetchInterval: poll ? 15_000 : false,
  });
}

/** Addresses of stored files: a plain link downloads them with the session cookie. */
export const documentUrl = (id: string) => urlOf('/api/v1/documents/{id}', { id });
export const templateFileUrl = (key: string) => urlOf('/api/v1/document-templates/{key}/file', { key });

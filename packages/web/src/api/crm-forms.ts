import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Answer, ApiError, type Body, call, csrfToken, type FieldError, urlOf } from './client.ts';
import { refresh } from './query-client.ts';

export type WebForm = Answer<'GET /api/v1/crm/web-forms'>['items'][number];
export type WebFormBody = Body<'POST /api/v1/crm/web-forms'>;
export type FormField = WebFormBody['fields'][number]['field'];
export type PublicForm = Answer<'GET /api/v1/public/web-forms/{token}'>;
export type PublicSend = Body<'POST /api/v1/public/web-forms/{token}'>;

export const webFormKeys = {
  list: ['crm', 'web-forms', 'list'] as const,
  public: (token: string) => ['public-form', token] as const,
};

/** The company's web forms (manageCrm). */
export function useWebForms() {
  return useQuery({
    queryKey: webFormKeys.list,
    queryFn: ({ signal }) => call('GET /api/v1/crm/web-forms', { signal }),
  });
}

/** Creates a form, or changes one (`id`); its public address stays. */
export function useSaveWebForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string | null; body: WebFormBody }) =>
      input.id
        ? call('PUT /api/v1/crm/web-forms/{id}', { path: { id: input.id }, body: input.body })
        : call('POST /api/v1/crm/web-forms', { body: input.body }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

export function useDeleteWebForm() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call('DELETE /api/v1/crm/web-forms/{id}', { path: { id } }),
    onSuccess: () => refresh(client, 'crm'),
  });
}

/** A form as visitors see it, without signing in; 404 when there is none or it is switched off. */
export function usePublicForm(token: string) {
  return useQuery({
    queryKey: webFormKeys.public(token),
    queryFn: ({ signal }) => call('GET /api/v1/public/web-forms/{token}', { path: { token }, signal }),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Too many sends from this address: the server says how long to wait (`Retry-After`, in seconds). */
export class TooManySends extends ApiError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'TOO_MANY_SUBMISSIONS', message);
  }
}

/**
 * Sends a visitor's answers. Not `call`: a 429's `Retry-After` header is what the visitor is told, and a
 * 401 must not touch the app's session (a visitor has none).
 */
export async function sendPublicForm(token: string, body: PublicSend): Promise<{ successText: string }> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const response = await fetch(urlOf('/api/v1/public/web-forms/{token}', { token }), {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const data = (await response.json().catch(() => ({}))) as {
    successText?: string;
    code?: string;
    detail?: string;
    errors?: FieldError[];
  };
  if (response.ok) return { successText: data.successText ?? '' };
  const message = data.detail ?? response.statusText;
  if (response.status === 429)
    throw new TooManySends(message, Number(response.headers.get('retry-after') ?? '600') || 600);
  throw new ApiError(response.status, data.code ?? `HTTP_${response.status}`, message, data.errors ?? []);
}

export function useSendPublicForm(token: string) {
  return useMutation({ mutationFn: (body: PublicSend) => sendPublicForm(token, body) });
}

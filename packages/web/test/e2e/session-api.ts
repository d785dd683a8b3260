import type { Page } from 'playwright-core';

/**
 * A request as the user signed in on `page` (their session cookie, and the CSRF token the server set
 * at sign-in), for what a browser test checks through the API: what that user may read or change.
 */
export async function asUser<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'baton_csrf')?.value ?? '';
  const response = await page.request.fetch(path, {
    method,
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  return { status: response.status(), body: (text ? JSON.parse(text) : null) as T };
}

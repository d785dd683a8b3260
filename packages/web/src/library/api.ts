import { useQuery } from '@tanstack/react-query';
import { type Answer, call } from '../api/client.ts';

export type LibraryItem = Answer<'GET /api/v1/library'>['items'][number];

export const libraryKey = ['library'] as const;

/** The standard processes in the app's language (process administrators). */
export function useLibrary(language: 'ru' | 'en') {
  return useQuery({
    queryKey: [...libraryKey, language],
    queryFn: ({ signal }) => call('GET /api/v1/library', { query: { language }, signal }),
    staleTime: 60_000,
  });
}

/** Installs one as a template under `definitionKey` (default: its own key), published when asked. */
export const installTemplate = (
  key: string,
  body: { definitionKey?: string; publish: boolean; language: 'ru' | 'en' },
) => call('POST /api/v1/library/{key}/install', { path: { key }, body });

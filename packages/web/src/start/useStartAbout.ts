import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { call } from '../api/client.ts';
import { type DefinitionDocument, definitionKeys } from '../api/definitions.ts';
import { useStartInstance } from '../api/instances.ts';

/**
 * Starts processes about one record (`deal:ID`): a template without parameters starts at once; one with
 * parameters opens its start form, which carries the record along (`/start/KEY?documentRef=deal:ID`).
 */
export function useStartAbout(documentRef: string, onStarted: (name: string) => void) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const start = useStartInstance();
  const [reading, setReading] = useState<string | null>(null);
  const [readError, setReadError] = useState<unknown>(null);

  const begin = async (definitionKey: string) => {
    start.reset();
    setReadError(null);
    setReading(definitionKey);
    try {
      const version = await client.fetchQuery({
        queryKey: definitionKeys.one(definitionKey),
        queryFn: ({ signal }) =>
          call('GET /api/v1/definitions/{key}', { path: { key: definitionKey }, signal }),
      });
      const document = version.definition as DefinitionDocument;
      if ((document.parameters ?? []).length > 0) {
        const query = new URLSearchParams({ documentRef });
        navigate(`/start/${encodeURIComponent(definitionKey)}?${query}`);
        return;
      }
      start.mutate(
        { definitionKey, params: {}, documentRef, idempotencyKey: crypto.randomUUID() },
        { onSuccess: () => onStarted(version.name) },
      );
    } catch (error) {
      setReadError(error);
    } finally {
      setReading(null);
    }
  };

  return {
    begin,
    /** The template being read or started, for its spinner. */
    pending: reading ?? (start.isPending ? (start.variables?.definitionKey ?? null) : null),
    error: readError ?? start.error,
  };
}

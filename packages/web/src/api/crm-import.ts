import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Answer, call, type Query } from './client.ts';
import { refresh } from './query-client.ts';

export type ImportKind = Query<'POST /api/v1/crm/import'>['kind'];
export type ImportResult = Answer<'POST /api/v1/crm/import'>;

/**
 * Sends one CSV file: checked only (`dryRun`), or written — all rows or none (422 IMPORT_FAILED naming
 * each problem as `<kind>.<row>.<column>`).
 */
export function useImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: ImportKind; csv: string; dryRun: boolean }) =>
      call('POST /api/v1/crm/import', {
        query: { kind: input.kind, ...(input.dryRun ? { dryRun: 'true' as const } : {}) },
        body: input.csv,
        headers: { 'content-type': 'text/csv; charset=utf-8' },
      }),
    onSuccess: (result) => {
      if (!result.dryRun) refresh(client, 'crm');
    },
  });
}

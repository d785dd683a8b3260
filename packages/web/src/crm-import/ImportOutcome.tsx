import { Alert, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormProblem } from '../app/FormProblem.tsx';
import { importProblems } from './import-spec.ts';

/** What a CSV import answered: how many rows were (or would be) created and updated. */
export interface ImportCounts {
  dryRun: boolean;
  created: number;
  updated: number;
}

/**
 * Under a CSV upload: what the check or the import did, or a refused file's problems by row and column
 * (422 IMPORT_FAILED with paths `<what>.<row>.<column>`); any other refusal as its message.
 */
export function ImportOutcome({ result, error }: { result: ImportCounts | undefined; error: unknown }) {
  const { t } = useTranslation('crmImport');
  const problems = importProblems(error);
  return (
    <>
      {result && (
        <Alert color="green" role="status" title={result.dryRun ? t('checked') : t('imported')}>
          {t(result.dryRun ? 'wouldWrite' : 'written', { created: result.created, updated: result.updated })}
        </Alert>
      )}
      {problems.length > 0 ? (
        <Alert color="red" role="alert" title={t('failed', { count: problems.length })}>
          <Table.ScrollContainer minWidth={320}>
            <Table striped withTableBorder aria-label={t('problems')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('row')}</Table.Th>
                  <Table.Th>{t('column')}</Table.Th>
                  <Table.Th>{t('message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {problems.map((p) => (
                  <Table.Tr key={`${p.row}-${p.column}-${p.message}`}>
                    <Table.Td>{p.row}</Table.Td>
                    <Table.Td>{p.column}</Table.Td>
                    <Table.Td className="wrap-anywhere">{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Alert>
      ) : (
        <FormProblem error={error} />
      )}
    </>
  );
}

import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  List,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconCheck, IconDownload, IconFileUpload, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportKind, useImport } from '../api/crm-import.ts';
import { FormCard } from '../app/FormCard.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { saveFile } from '../app/save-file.ts';
import { IMPORT_COLUMNS, IMPORT_KINDS, importProblems, sampleCsv } from './import-spec.ts';

/**
 * Import of an existing client base (`/crm/import`): a CSV file of companies, contacts or deals,
 * checked first (nothing written) and then imported, all rows or none.
 */
export function ImportPage() {
  const { t } = useTranslation('crmImport');
  const [kind, setKind] = useState<ImportKind>('companies');
  const [file, setFile] = useState<File | null>(null);
  const run = useImport();
  const problems = importProblems(run.error);
  const result = run.data;

  const choose = (next: ImportKind) => {
    setKind(next);
    run.reset();
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const csv = await file.text();
    run.mutate({ kind, csv, dryRun });
  };

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="md" maw={860}>
        <Alert color="blue" title={t('orderTitle')}>
          {t('order')}
        </Alert>
        <FormCard
          aria-label={t('title')}
          onSubmit={(event) => {
            event.preventDefault();
            void send(false);
          }}
        >
          <Stack gap="sm">
            <div>
              <Text size="sm" fw={500} mb={4} id="import-kind">
                {t('kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="import-kind"
                data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
                value={kind}
                onChange={(value) => choose(value as ImportKind)}
                fullWidth
              />
            </div>
            <div>
              <Text size="sm" fw={500}>
                {t('columns')}
              </Text>
              <List size="sm" spacing={2}>
                {IMPORT_COLUMNS[kind].map((column, i) => (
                  <List.Item key={column}>
                    <Code>{column}</Code> — {t(`columnHints.${kind}.${column}`)}
                    {i === 0 && <Text span fw={600}>{` (${t('requiredColumn')})`}</Text>}
                  </List.Item>
                ))}
                {kind === 'deals' && <List.Item>{t('dealFieldColumns')}</List.Item>}
              </List>
              <Button
                mt="xs"
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={() =>
                  saveFile(`${kind}-sample.csv`, `\uFEFF${sampleCsv(kind)}`, 'text/csv;charset=utf-8')
                }
              >
                {t('sample')}
              </Button>
            </div>
            <FileInput
              label={t('file')}
              description={t('fileHint')}
              accept=".csv,text/csv"
              value={file}
              onChange={(next) => {
                setFile(next);
                run.reset();
              }}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              clearable
            />
          </Stack>
          <Group justify="flex-end" mt="md">
            <Button
              variant="default"
              leftSection={<IconCheck size={16} aria-hidden />}
              disabled={!file}
              loading={run.isPending && run.variables?.dryRun === true}
              onClick={() => void send(true)}
            >
              {t('check')}
            </Button>
            <Button
              type="submit"
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!file}
              loading={run.isPending && run.variables?.dryRun === false}
            >
              {t('import')}
            </Button>
          </Group>
        </FormCard>
        {result && (
          <Alert color="green" role="status" title={result.dryRun ? t('checked') : t('imported')}>
            {t(result.dryRun ? 'wouldWrite' : 'written', {
              created: result.created,
              updated: result.updated,
            })}
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
          <FormProblem error={run.error} />
        )}
      </Stack>
    </>
  );
}

import { Alert, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportKind, useImport } from '../api/crm-import.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { CsvColumns } from './CsvColumns.tsx';
import { CsvUpload } from './CsvUpload.tsx';
import { IMPORT_COLUMNS, IMPORT_KINDS, sampleCsv } from './import-spec.ts';

/**
 * Import of an existing client base (`/crm/import`): a CSV file of companies, contacts or deals,
 * checked first (nothing written) and then imported, all rows or none.
 */
export function ImportPage() {
  const { t } = useTranslation('crmImport');
  const [kind, setKind] = useState<ImportKind>('companies');
  const run = useImport();

  const choose = (next: ImportKind) => {
    setKind(next);
    run.reset();
  };
  const columns = IMPORT_COLUMNS[kind].map((name, i) => ({
    name,
    hint: t(`columnHints.${kind}.${name}`),
    required: i === 0,
  }));

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Stack gap="md" maw={860}>
        <Alert color="blue" title={t('orderTitle')}>
          {t('order')}
        </Alert>
        <CsvUpload label={t('title')} run={run} onSend={(csv, dryRun) => run.mutate({ kind, csv, dryRun })}>
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
          <CsvColumns columns={columns} sample={{ fileName: `${kind}-sample.csv`, csv: sampleCsv(kind) }}>
            {kind === 'deals' && <List.Item>{t('dealFieldColumns')}</List.Item>}
          </CsvColumns>
        </CsvUpload>
      </Stack>
    </>
  );
}

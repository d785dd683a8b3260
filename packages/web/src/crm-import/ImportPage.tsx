import { Alert, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportKind, useImport } from '../api/crm-import.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { CsvColumns } from './CsvColumns.tsx';
import { CsvUpload } from './CsvUpload.tsx';
import { IMPORT_COLUMNS, IMPORT_KINDS, REQUIRED_COLUMN, sampleCsv } from './import-spec.ts';

/**
 * Import of an existing client base (`/crm/import`): a CSV file of companies, contacts, deals or leads,
 * checked first (nothing written) and then imported, all rows or none.
 */
export function ImportPage() {
  const { t } = useTranslation('crmImport');
  const [kind, setKind] = useState<ImportKind>('companies');
  const run = useImport();
  // Four kinds side by side do not fit a phone's width (in Russian least of all): there they stack.
  const narrow = useMediaQuery('(max-width: 36em)', undefined, { getInitialValueInEffect: false }) ?? false;

  const choose = (next: ImportKind) => {
    setKind(next);
    run.reset();
  };
  const columns = IMPORT_COLUMNS[kind].map((name) => ({
    name,
    hint: t(`columnHints.${kind}.${name}`),
    required: name === REQUIRED_COLUMN[kind],
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
              orientation={narrow ? 'vertical' : 'horizontal'}
              fullWidth
            />
          </div>
          <CsvColumns columns={columns} sample={{ fileName: `${kind}-sample.csv`, csv: sampleCsv(kind) }}>
            <List.Item>{t(`fieldColumns.${kind}`)}</List.Item>
          </CsvColumns>
        </CsvUpload>
      </Stack>
    </>
  );
}

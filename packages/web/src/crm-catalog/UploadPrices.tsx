import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type PriceList, useImportPrices } from '../api/crm-catalog.ts';
import { CsvColumns } from '../crm-import/CsvColumns.tsx';
import { CsvUpload } from '../crm-import/CsvUpload.tsx';
import { PRICE_COLUMNS, samplePrices } from './price-columns.ts';

/**
 * A supplier's prices from a CSV file, checked first and then loaded, all rows or none: the list's
 * articles get the file's prices, new ones are added, and the prices count as fresh from now.
 */
export function UploadPrices({ list }: { list: PriceList }) {
  const { t } = useTranslation('catalog');
  const run = useImportPrices();
  const columns = PRICE_COLUMNS.map((c) => ({ ...c, hint: t(`upload.columns.${c.name}`) }));
  return (
    <Stack gap="md">
      <Text size="sm">{t('upload.about')}</Text>
      <CsvUpload
        inDialog
        label={t('upload.title', { name: list.name })}
        run={run}
        onSend={(csv, dryRun) => run.mutate({ priceListId: list.id, csv, dryRun })}
      >
        <CsvColumns columns={columns} sample={{ fileName: 'prices-sample.csv', csv: samplePrices() }} />
      </CsvUpload>
    </Stack>
  );
}

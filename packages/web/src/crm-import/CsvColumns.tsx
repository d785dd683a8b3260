import { Button, Code, List, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { saveFile } from '../app/save-file.ts';

/** A column a CSV file may have, with what goes in it. */
export interface CsvColumn {
  name: string;
  hint: string;
  required?: boolean;
}

/**
 * The columns a CSV file may have, each with a hint (`children` add items after them), and a sample file
 * to download: with a BOM, so Excel opens its Cyrillic as UTF-8.
 */
export function CsvColumns(props: {
  columns: readonly CsvColumn[];
  sample: { fileName: string; csv: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation('crmImport');
  return (
    <div>
      <Text size="sm" fw={500}>
        {t('columns')}
      </Text>
      <List size="sm" spacing={2}>
        {props.columns.map((column) => (
          <List.Item key={column.name}>
            <Code>{column.name}</Code> — {column.hint}
            {column.required && <Text span fw={600}>{` (${t('requiredColumn')})`}</Text>}
          </List.Item>
        ))}
        {props.children}
      </List>
      <Button
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconDownload size={14} aria-hidden />}
        onClick={() => saveFile(props.sample.fileName, `\uFEFF${props.sample.csv}`, 'text/csv;charset=utf-8')}
      >
        {t('sample')}
      </Button>
    </div>
  );
}

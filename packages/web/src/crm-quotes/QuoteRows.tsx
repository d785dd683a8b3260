import { Box, Button, Group, Input, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QuoteLanguage } from '../api/crm-quotes.ts';
import { rowErrorsOf } from '../app/row-errors.ts';
import { QuoteRowFields } from './QuoteRowFields.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';
import { amountsOf, newRow, type RowDraft } from './quote-draft.ts';
import { draftTotals, type VatTerms } from './quote-total.ts';
import './quotes.css';

const COLUMNS = ['product', 'name', 'quantity', 'unit', 'price', 'discount', 'sum'] as const;

/**
 * A quote's rows being edited, a row added at the end, and the totals as typed with `vat` — computed
 * as the server will, so what is seen is what is saved. `errors` are the server's under `rows`.
 */
export function QuoteRows(props: {
  rows: RowDraft[];
  onChange: (rows: RowDraft[]) => void;
  currency: string;
  language: QuoteLanguage;
  vat: VatTerms;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('quotes');
  const { rows, onChange } = props;
  const byRow = rowErrorsOf(props.errors, 'rows');
  const priced = rows.map(amountsOf).filter((a) => a !== null);
  return (
    <Input.Wrapper label={t('rows.title')} error={props.errors.rows}>
      <Box className="quote-row" visibleFrom="lg" px="xs" mt="xs" aria-hidden>
        {COLUMNS.map((column) => (
          <Text key={column} size="xs" c="dimmed" fw={600}>
            {t(`rows.${column}`)}
          </Text>
        ))}
      </Box>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {t('rows.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} mt="xs" mb={0} style={{ listStyle: 'none' }}>
          {rows.map((row, index) => (
            <QuoteRowFields
              key={row.key}
              row={row}
              index={index}
              currency={props.currency}
              errors={byRow[index] ?? {}}
              onChange={(next) => onChange(rows.map((r) => (r.key === row.key ? next : r)))}
              onRemove={() => onChange(rows.filter((r) => r.key !== row.key))}
            />
          ))}
        </Stack>
      )}
      <Group justify="space-between" align="flex-start" mt="sm" gap="sm">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...rows, newRow(props.language)])}
        >
          {t('rows.add')}
        </Button>
        <QuoteTotals lines={draftTotals(priced, props.vat)} currency={props.currency} live />
      </Group>
    </Input.Wrapper>
  );
}

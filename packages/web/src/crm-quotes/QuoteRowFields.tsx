import { ActionIcon, Box, NumberInput, Paper, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../crm/money.ts';
import { ProductSelect } from './ProductSelect.tsx';
import { amountsOf, type RowDraft, withProduct } from './quote-draft.ts';
import { rowTotal } from './quote-total.ts';

const LABEL = { label: 'quote-cell-label' };

/**
 * One row of a quote being edited: a product from the catalogue (filling in its name, unit and price)
 * or a free row typed in; quantity, unit, price, discount, and its sum as typed. `errors` are the
 * server's for this row, by field.
 */
export function QuoteRowFields(props: {
  row: RowDraft;
  /** Its place, from 0: the rows' names count from 1. */
  index: number;
  currency: string;
  errors: Record<string, string>;
  onChange: (row: RowDraft) => void;
  onRemove: () => void;
}) {
  const { t, i18n } = useTranslation('quotes');
  const { row, errors } = props;
  const n = props.index + 1;
  const set = (change: Partial<RowDraft>) => props.onChange({ ...row, ...change });
  const amounts = amountsOf(row);
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      component="li"
      aria-label={t('rows.label', { n })}
      className="quote-row"
    >
      <ProductSelect
        label={t('rows.product')}
        value={row.productId}
        name={row.productId ? row.name : null}
        onPick={(product) =>
          props.onChange(product ? withProduct(row, product, props.currency) : { ...row, productId: null })
        }
        error={errors.productId}
        className="quote-cell-wide"
        classNames={LABEL}
      />
      <TextInput
        label={t('rows.name')}
        classNames={LABEL}
        className="quote-cell-wide"
        value={row.name}
        onChange={(e) => set({ name: e.currentTarget.value })}
        error={errors.name}
      />
      <NumberInput
        label={t('rows.quantity')}
        classNames={LABEL}
        value={row.quantity}
        onChange={(quantity) => set({ quantity })}
        min={0}
        decimalScale={3}
        hideControls
        error={errors.quantity}
      />
      <TextInput
        label={t('rows.unit')}
        classNames={LABEL}
        value={row.unit}
        onChange={(e) => set({ unit: e.currentTarget.value })}
        error={errors.unit}
      />
      <NumberInput
        label={t('rows.price')}
        classNames={LABEL}
        value={row.price}
        onChange={(price) => set({ price })}
        min={0}
        decimalScale={2}
        thousandSeparator=" "
        hideControls
        error={errors.price}
      />
      <NumberInput
        label={t('rows.discount')}
        classNames={LABEL}
        value={row.discount}
        onChange={(discount) => set({ discount })}
        min={0}
        max={100}
        decimalScale={2}
        hideControls
        error={errors.discount}
      />
      <Box>
        <Text size="sm" c="dimmed" className="quote-cell-label">
          {t('rows.sum')}
        </Text>
        <Text size="sm" fw={600} pt={6}>
          {amounts ? formatMoney(rowTotal(amounts), props.currency, i18n.language) : '—'}
        </Text>
      </Box>
      <ActionIcon
        variant="subtle"
        color="red"
        mt={4}
        className="quote-cell-end"
        aria-label={t('rows.remove', { n })}
        onClick={props.onRemove}
      >
        <IconTrash size={16} aria-hidden />
      </ActionIcon>
    </Paper>
  );
}

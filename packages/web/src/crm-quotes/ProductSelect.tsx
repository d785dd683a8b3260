import { Select, type SelectProps, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Product, useProducts } from '../api/crm-catalog.ts';
import { formatMoney } from '../crm/money.ts';
import { useServerSearch } from '../crm/useServerSearch.ts';

/** How many products the dropdown offers; typing more of the name or article narrows them. */
const OFFERED = 20;

/**
 * Picks a product from the catalogue, searched on the server by name or article as one types; each
 * option shows its article and price. `name` labels the chosen one before any search.
 */
export function ProductSelect(
  props: {
    label: string;
    value: string | null;
    name: string | null;
    onPick: (product: Product | null) => void;
    error?: string | undefined;
  } & Pick<SelectProps, 'className' | 'classNames'>,
) {
  const { t, i18n } = useTranslation('quotes');
  const search = useServerSearch(props.value, props.name);
  const { q } = search;
  const found = useProducts({ limit: OFFERED, ...(q ? { q } : {}) }).data?.pages[0]?.items ?? [];
  const byId = new Map(found.map((p) => [p.id, p]));
  const options = found.map((p) => ({ value: p.id, label: p.name }));
  return (
    <Select
      label={props.label}
      placeholder={t('rows.productPlaceholder')}
      nothingFoundMessage={t('rows.noProduct')}
      error={props.error}
      className={props.className}
      classNames={props.classNames}
      {...search.selectProps(options, (id) => {
        // Only what was found can be picked; cleared, the row stays as typed, a free row.
        const product = id === null ? null : byId.get(id);
        if (product !== undefined) props.onPick(product);
      })}
      renderOption={({ option }) => {
        const product = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm">{option.label}</Text>
            {product && (
              <Text size="xs" c="dimmed">
                {[product.sku, formatMoney(product.price, product.currency, i18n.language)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            )}
          </Stack>
        );
      }}
    />
  );
}

import { Anchor, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Product } from '../api/crm-catalog.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { formatMoney } from '../crm/money.ts';

export type ProductDialog = { kind: 'new' } | { kind: 'edit' | 'delete'; product: Product };

/**
 * One product of the catalogue: its name, article, price per unit and supplier (a link to the catalogue
 * filtered by the supplier's list); `onDialog` only for those who may change it.
 */
export function ProductCard(props: { product: Product; onDialog?: (dialog: ProductDialog) => void }) {
  const { t, i18n } = useTranslation('catalog');
  const { product, onDialog } = props;
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text id={titleId} fw={600} className="wrap-anywhere">
            {product.name}
          </Text>
          {product.sku && (
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {t('card.sku', { sku: product.sku })}
            </Text>
          )}
          <Text size="sm" fw={500}>
            {t('card.price', {
              price: formatMoney(product.price, product.currency, i18n.language),
              unit: product.unit,
            })}
          </Text>
          {product.priceListId && (
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {t('card.supplier')}{' '}
              <Anchor
                component={Link}
                to={`/crm/products?priceList=${encodeURIComponent(product.priceListId)}`}
              >
                {product.priceListName}
              </Anchor>
            </Text>
          )}
          {product.description && (
            <Text size="sm" c="dimmed" lineClamp={2} className="wrap-anywhere">
              {product.description}
            </Text>
          )}
        </Stack>
        {onDialog && (
          <ActionsMenu label={t('card.actionsFor', { name: product.name })}>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'edit', product })}
            >
              {t('card.edit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'delete', product })}
            >
              {t('card.delete')}
            </Menu.Item>
          </ActionsMenu>
        )}
      </Group>
    </Paper>
  );
}

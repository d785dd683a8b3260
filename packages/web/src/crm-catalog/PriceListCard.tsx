import { Anchor, Badge, Button, Group, Menu, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PriceList } from '../api/crm-catalog.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import { formatDate } from '../i18n/format.ts';

export type PriceListDialog = { kind: 'new' } | { kind: 'edit' | 'delete' | 'upload'; list: PriceList };

/**
 * One supplier's price list: where requests go, how many products it has (a link to them), when its
 * prices came and were last asked for; a red badge once they are stale (the server says when).
 */
export function PriceListCard({
  list,
  onDialog,
}: {
  list: PriceList;
  onDialog: (dialog: PriceListDialog) => void;
}) {
  const { t, i18n } = useTranslation('catalog');
  const date = (iso: string) => formatDate(iso, i18n.language);
  return (
    <CardListItem label={list.name}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" style={{ minWidth: 0 }}>
            <Text fw={600} className="wrap-anywhere">
              {list.name}
            </Text>
            {list.stale && (
              <Badge color="red" variant="filled" tt="none">
                {t('list.stale')}
              </Badge>
            )}
          </Group>
          <ActionsMenu label={t('list.actionsFor', { name: list.name })}>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'edit', list })}
            >
              {t('list.edit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => onDialog({ kind: 'delete', list })}
            >
              {t('list.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
        <Text size="sm" c={list.email ? undefined : 'dimmed'} className="wrap-anywhere">
          {list.email ?? t('list.noEmail')}
        </Text>
        <Anchor component={Link} to={`/crm/products?priceList=${encodeURIComponent(list.id)}`} size="sm">
          {t('list.products', { count: list.productCount })}
        </Anchor>
        <Text size="sm" c="dimmed">
          {list.pricesUpdatedAt
            ? t('list.pricesCame', { date: date(list.pricesUpdatedAt) })
            : t('list.noPrices')}
          {' · '}
          {t('list.staleAfter', { count: list.staleAfterDays })}
        </Text>
        {list.requestedAt && (
          <Text size="sm" c="dimmed">
            {t('list.requested', { date: date(list.requestedAt) })}
          </Text>
        )}
        <Button
          mt={4}
          size="xs"
          variant="light"
          w="fit-content"
          leftSection={<IconUpload size={14} aria-hidden />}
          onClick={() => onDialog({ kind: 'upload', list })}
        >
          {t('list.upload')}
        </Button>
      </Stack>
    </CardListItem>
  );
}

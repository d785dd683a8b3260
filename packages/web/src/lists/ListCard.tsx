import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { List } from '../api/lists.ts';
import { listPath } from './paths.ts';

/**
 * A list among the lists: its name (a link to its records), how many records it has, its description,
 * whether I may only read it.
 */
export function ListCard({ list }: { list: List }) {
  const { t } = useTranslation('lists');
  const titleId = useId();
  return (
    <Paper withBorder p="sm" radius="md" component="article" aria-labelledby={titleId}>
      <Stack gap={2}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text
            id={titleId}
            fw={600}
            component={Link}
            to={listPath(list.key)}
            className="card-link wrap-anywhere"
          >
            {list.name}
          </Text>
          {!list.canWrite && (
            <Badge variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
              {t('readOnly')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t('recordCount', { count: list.recordCount })}
        </Text>
        {list.description && (
          <Text size="sm" c="dimmed" className="wrap-anywhere" lineClamp={3}>
            {list.description}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

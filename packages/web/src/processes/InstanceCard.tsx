import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InstanceSummary } from '../api/types.ts';
import { formatDateTime } from '../i18n/format.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** One instance in a list: a link to its card, its status, who started it and when. */
export function InstanceCard(props: {
  instance: InstanceSummary;
  processName: string;
  starter?: string;
  footer?: ReactNode;
}) {
  const { t, i18n } = useTranslation('processes');
  const { instance } = props;
  return (
    <Paper withBorder p="sm" radius="md" className={instance.status === 'failed' ? 'overdue' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text
            fw={600}
            component={Link}
            to={`/processes/${encodeURIComponent(instance.id)}`}
            className="card-link wrap-anywhere"
          >
            {props.processName}
          </Text>
          <StatusBadge status={instance.status} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('list.started', { date: formatDateTime(instance.startedAt, i18n.language) })}
          {props.starter ? ` · ${props.starter}` : ''}
          {instance.endedAt
            ? ` · ${t('list.ended', { date: formatDateTime(instance.endedAt, i18n.language) })}`
            : ''}
        </Text>
        {props.footer}
      </Stack>
    </Paper>
  );
}

import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
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
    <Paper
      withBorder
      p="sm"
      radius="md"
      className={instance.status === 'failed' || instance.stuck ? 'overdue' : undefined}
    >
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
          <Group gap={4} wrap="nowrap">
            {instance.stuck && (
              <Badge color="orange" style={{ flexShrink: 0 }}>
                {t('stuck.badge')}
              </Badge>
            )}
            <StatusBadge status={instance.status} />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('list.started', { date: formatDateTime(instance.startedAt, i18n.language) })}
          {props.starter ? ` · ${props.starter}` : ''}
          {instance.endedAt
            ? ` · ${t('list.ended', { date: formatDateTime(instance.endedAt, i18n.language) })}`
            : ''}
        </Text>
        {instance.stuckReasons?.map((reason) => (
          <Text
            size="sm"
            c="orange"
            key={reason.code === 'DEAD_JOB' ? reason.jobKey : reason.taskId}
            className="wrap-anywhere"
          >
            {reason.code === 'DEAD_JOB'
              ? t('stuck.deadJob', { kind: reason.kind, error: reason.error ?? '—' })
              : t('stuck.noAssignee', { assignees: reason.assignees.join(', ') || '—' })}
          </Text>
        ))}
        {props.footer}
      </Stack>
    </Paper>
  );
}

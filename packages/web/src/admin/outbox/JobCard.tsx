import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRetryJob } from '../../api/jobs.ts';
import type { Job } from '../../api/schema.gen.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { jobSummary } from './job-summary.ts';

const STATUS_COLOR: Record<Job['status'], string> = {
  pending: 'blue',
  done: 'green',
  dead: 'red',
  cancelled: 'gray',
};

/** One job of the outbox: what it delivers, its state and last error, the process, and a retry when dead. */
export function JobCard({ job }: { job: Job }) {
  const { t, i18n } = useTranslation('admin');
  const retry = useRetryJob();
  const kind = t(`outbox.kinds.${job.kind}`, { defaultValue: job.kind });
  const summary = jobSummary(job);
  return (
    <Paper withBorder p="sm" radius="md" className={job.status === 'dead' ? 'overdue' : undefined}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600}>{kind}</Text>
          <Badge color={STATUS_COLOR[job.status]} style={{ flexShrink: 0 }}>
            {t(`outbox.status.${job.status}`)}
          </Badge>
        </Group>
        {summary && (
          <Text size="sm" className="wrap-anywhere" lineClamp={3}>
            {summary}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('outbox.attempts', { count: job.attempts })} ·{' '}
          {t(job.status === 'pending' ? 'outbox.due' : 'outbox.updated', {
            date: formatDateTime(job.status === 'pending' ? job.dueAt : job.updatedAt, i18n.language),
          })}
        </Text>
        {job.lastError && (
          <Text size="sm" c="red" className="wrap-anywhere">
            {t('outbox.lastError', { error: job.lastError })}
          </Text>
        )}
        {retry.error && (
          <Alert color="red" role="alert">
            {retry.error.message}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          {job.instanceId ? (
            <Text size="sm" component={Link} to={`/processes/${encodeURIComponent(job.instanceId)}`}>
              {t('outbox.process')}
            </Text>
          ) : (
            <span />
          )}
          {job.status === 'dead' && (
            <Button
              size="xs"
              variant="light"
              loading={retry.isPending}
              aria-label={t('outbox.retryNamed', { kind, summary })}
              onClick={() =>
                retry.mutate(job.key, {
                  onSuccess: () => notifications.show({ color: 'blue', message: t('outbox.retried') }),
                })
              }
            >
              {t('outbox.retry')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

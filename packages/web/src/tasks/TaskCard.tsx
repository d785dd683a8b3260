import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Task } from '../api/types.ts';
import { formatDateTime } from '../i18n/format.ts';

export const isOverdue = (task: Pick<Task, 'status' | 'dueAt'>, now = Date.now()) =>
  task.status === 'open' && task.dueAt !== null && Date.parse(task.dueAt) < now;

/** One task in a list: a link to its page, its process, deadline and (optionally) who has it. */
export function TaskCard(props: { task: Task; processName: string; assignees?: string }) {
  const { t, i18n } = useTranslation('tasks');
  const { task } = props;
  const overdue = isOverdue(task);
  return (
    <Paper
      withBorder
      p="sm"
      radius="md"
      component={Link}
      to={`/tasks/${encodeURIComponent(task.id)}`}
      className={`card-link${overdue ? ' overdue' : ''}`}
      data-task-id={task.id}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} className="wrap-anywhere">
            {task.title}
          </Text>
          {task.status !== 'open' ? (
            <Badge
              variant="light"
              color={task.status === 'completed' ? 'green' : 'gray'}
              style={{ flexShrink: 0 }}
            >
              {t(`status.${task.status}`)}
            </Badge>
          ) : overdue ? (
            <Badge color="red" style={{ flexShrink: 0 }}>
              {t('overdue')}
            </Badge>
          ) : null}
        </Group>
        <Text size="sm" c="dimmed" className="wrap-anywhere">
          {props.processName}
          {props.assignees ? ` · ${props.assignees}` : ''}
        </Text>
        <Group gap="md" wrap="wrap" style={{ rowGap: 2 }}>
          {task.dueAt && (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'} component="span">
              <IconClock size={12} aria-hidden style={{ verticalAlign: 'middle' }} />{' '}
              {t('due', { date: formatDateTime(task.dueAt, i18n.language) })}
            </Text>
          )}
          <Text size="xs" c="dimmed" component="span">
            {task.status === 'open'
              ? t('created', { date: formatDateTime(task.createdAt, i18n.language) })
              : t('completedAt', { date: formatDateTime(task.completedAt, i18n.language) })}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

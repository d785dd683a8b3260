import { Anchor, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUserNames } from '../api/org.ts';
import { formatDateTime } from '../i18n/format.ts';

export interface WaitingTask {
  taskId: string;
  instanceId: string;
  assignees: string[];
  since: string;
}

/** A step's open tasks waiting longest: who holds each and since when, each a link to its process card. */
export function WaitingList({ tasks }: { tasks: readonly WaitingTask[] }) {
  const { t, i18n } = useTranslation('reports');
  const name = useUserNames();
  if (tasks.length === 0) return null;
  return (
    <List size="xs" spacing={2} mt={4} listStyleType="none" ml={0} pl={0} aria-label={t('waitingLongest')}>
      {tasks.map((task) => (
        <List.Item key={task.taskId}>
          <Anchor component={Link} to={`/processes/${encodeURIComponent(task.instanceId)}`} size="xs">
            {t('waitingSince', {
              names: task.assignees.map(name).join(', ') || '—',
              date: formatDateTime(task.since, i18n.language),
            })}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

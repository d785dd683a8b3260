import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useUserNames } from '../api/org.ts';
import type { Task } from '../api/types.ts';
import { LoadMore } from '../app/feedback.tsx';
import { useInParts } from '../app/in-parts.ts';
import { TaskCard } from '../tasks/TaskCard.tsx';

/** Open tasks shown at first, and shown more at a time (a fan-out of 1,800 tasks is one instance). */
const OPEN_TASKS_STEP = 50;

/** The open tasks of the process card, each a card that leads to it. */
export function OpenTasks({ tasks, nodeName }: { tasks: readonly Task[]; nodeName: (id: string) => string }) {
  const { t } = useTranslation('processes');
  const name = useUserNames();
  const { shown, hasMore, showMore } = useInParts(tasks, OPEN_TASKS_STEP);
  if (tasks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('card.noOpenTasks')}
      </Text>
    );
  return (
    <Stack gap="xs">
      {shown.map((task) => (
        <TaskCard
          key={task.id}
          task={task}
          processName={nodeName(task.nodeId)}
          assignees={task.assignees.map(name).join(', ')}
        />
      ))}
      <LoadMore hasMore={hasMore} loading={false} onLoad={showMore} />
    </Stack>
  );
}

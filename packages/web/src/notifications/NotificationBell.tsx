import { ActionIcon, Indicator, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDefinitionNames } from '../api/definitions.ts';
import { formatDateTime } from '../i18n/format.ts';
import { useMyOpenTasks } from './useMyOpenTasks.ts';

/**
 * The bell: how many tasks wait for me, the newest of them, and a toast when a new one arrives while the
 * page is open (found by the 15 s poll in useMyOpenTasks).
 */
export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications');
  const navigate = useNavigate();
  const processName = useDefinitionNames();
  const { tasks, count, hasMore } = useMyOpenTasks();
  const [opened, setOpened] = useState(false);
  const seen = useRef<Set<string> | null>(null);

  useEffect(() => {
    const ids = new Set(tasks.map((task) => task.id));
    if (seen.current) {
      for (const task of tasks) {
        if (!seen.current.has(task.id))
          notifications.show({ title: t('newTask'), message: task.title, color: 'indigo', autoClose: 8000 });
      }
    }
    seen.current = ids;
  }, [tasks, t]);

  const label = hasMore ? `${count}+` : String(count);
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={320}
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Indicator label={label} size={18} disabled={count === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={t('bell', { count })}
            aria-expanded={opened}
          >
            <IconBell size={22} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Text fw={600} mb="xs">
          {t('title')}
        </Text>
        {tasks.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('empty')}
          </Text>
        ) : (
          <Stack gap={4}>
            {tasks.slice(0, 6).map((task) => (
              <UnstyledButton
                key={task.id}
                p={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                onClick={() => {
                  setOpened(false);
                  navigate(`/tasks/${encodeURIComponent(task.id)}`);
                }}
              >
                <Text size="sm" fw={500} lineClamp={2}>
                  {task.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {processName(task.definitionKey)} · {formatDateTime(task.createdAt, i18n.language)}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

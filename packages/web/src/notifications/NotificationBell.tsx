import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDefinitionNames } from '../api/definitions.ts';
import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
} from '../api/notifications.ts';
import { formatDateTime } from '../i18n/format.ts';
import { notificationLink, notificationText } from './notice.ts';
import { useLivePoll, useMyOpenTasks } from './useMyOpenTasks.ts';

/** The bell: the tasks waiting for me and my notifications, kept current by the event stream. */
export function NotificationBell() {
  const { t, i18n } = useTranslation('notifications');
  const navigate = useNavigate();
  const processName = useDefinitionNames();
  const { tasks, count, hasMore } = useMyOpenTasks();
  const inbox = useNotifications(useLivePoll()).data;
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const [opened, setOpened] = useState(false);
  const unread = inbox?.unreadCount ?? 0;
  const total = count + unread;
  const go = (to: string) => {
    setOpened(false);
    navigate(to);
  };
  const label = [t('bell', { count }), ...(unread > 0 ? [t('unread', { count: unread })] : [])].join(', ');

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={340}
      shadow="md"
      withinPortal
      trapFocus
    >
      <Popover.Target>
        <Indicator label={hasMore ? `${total}+` : String(total)} size={18} disabled={total === 0} offset={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={label}
            aria-expanded={opened}
          >
            <IconBell size={22} aria-hidden />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown aria-label={t('title')}>
        <Text fw={600} mb="xs">
          {t('title')}
        </Text>
        {tasks.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('empty')}
          </Text>
        ) : (
          <Stack gap={2}>
            {tasks.slice(0, 5).map((task) => (
              <UnstyledButton
                key={task.id}
                p={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                onClick={() => go(`/tasks/${encodeURIComponent(task.id)}`)}
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
        <Divider my="sm" />
        <Group justify="space-between" mb="xs">
          <Text fw={600}>{t('notifications')}</Text>
          {unread > 0 && (
            <Button
              size="compact-xs"
              variant="subtle"
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('markAllRead')}
            </Button>
          )}
        </Group>
        {(inbox?.items.length ?? 0) === 0 ? (
          <Text c="dimmed" size="sm">
            {t('noNotifications')}
          </Text>
        ) : (
          <Stack gap={2}>
            {inbox?.items.slice(0, 5).map((n) => (
              <UnstyledButton
                key={n.id}
                p={6}
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                onClick={() => {
                  if (!n.readAt) markRead.mutate(n.id);
                  const to = notificationLink(n);
                  if (to) go(to);
                }}
              >
                <Text size="sm" fw={n.readAt ? 400 : 600} lineClamp={3} className="wrap-anywhere">
                  {notificationText(n, t, i18n.language)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDateTime(n.createdAt, i18n.language)}
                  {n.readAt ? '' : ` · ${t('new')}`}
                </Text>
              </UnstyledButton>
            ))}
          </Stack>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}

import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { refresh } from '../api/query-client.ts';
import { openEventStream } from './live.ts';
import { notificationText } from './notice.ts';

/**
 * Keeps the page live while signed in: a new task or notification refreshes the lists that show it and
 * pops a toast; a (re)connection refreshes both, since the stream does not replay what it missed.
 */
export function LiveEvents() {
  const client = useQueryClient();
  const { t, i18n } = useTranslation('notifications');
  useEffect(
    () =>
      openEventStream({
        onOpen: () => refresh(client, 'tasks', 'notifications'),
        onEvent: (event) => {
          if (event.type === 'task.created') {
            refresh(client, 'tasks', 'instances');
            notifications.show({
              title: t('newTask'),
              message: event.data.title,
              color: 'indigo',
              autoClose: 8000,
            });
          } else {
            refresh(client, 'notifications');
            notifications.show({
              title: t('newNotification'),
              message: notificationText(event.data, t, i18n.language),
              color: 'blue',
              autoClose: 8000,
            });
          }
        },
      }),
    [client, t, i18n],
  );
  return null;
}

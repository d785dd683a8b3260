import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useTestEmail } from '../../api/jobs.ts';

/** Sends the administrator a test e-mail through the outbox, to see whether e-mail goes out. */
export function TestEmailButton({ onQueued }: { onQueued: () => void }) {
  const { t } = useTranslation('admin');
  const test = useTestEmail();
  return (
    <Button
      variant="light"
      leftSection={<IconMailCheck size={16} aria-hidden />}
      loading={test.isPending}
      onClick={() =>
        test.mutate(undefined, {
          onSuccess: () => {
            notifications.show({ color: 'blue', message: t('outbox.testQueued') });
            onQueued();
          },
          onError: (error) =>
            notifications.show({
              color: 'red',
              message:
                error instanceof ApiError && error.status === 422 ? t('outbox.testNoAddress') : error.message,
            }),
        })
      }
    >
      {t('outbox.test')}
    </Button>
  );
}

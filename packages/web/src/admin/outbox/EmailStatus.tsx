import { Alert, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useEmailSettings } from '../../api/jobs.ts';

/** One line on whether e-mail goes out: the server and sender, or how to turn it on. */
export function EmailStatus() {
  const { t } = useTranslation('admin');
  const email = useEmailSettings().data;
  if (!email) return null;
  if (!email.on)
    return (
      <Alert color="yellow" title={t('outbox.emailOffTitle')}>
        {t('outbox.emailOff')}
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed" className="wrap-anywhere">
      {t('outbox.emailOn', { server: email.server, from: email.from })}
    </Text>
  );
}

import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSmsSettings } from '../../api/jobs.ts';

/**
 * One line on whether SMS go out: the gateway, or how to turn them on. Quieter than the e-mail's, as
 * many companies send no SMS at all.
 */
export function SmsStatus() {
  const { t } = useTranslation('admin');
  const sms = useSmsSettings().data;
  if (!sms) return null;
  return (
    <Text size="sm" c="dimmed" className="wrap-anywhere">
      {sms.on ? t('outbox.smsOn', { gateway: sms.gateway }) : t('outbox.smsOff')}
    </Text>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type EventWebhook, useTestWebhook } from '../api/webhooks.ts';

/**
 * Sends the webhook a test event and says, beside the button, how its URL answered: what an integrator
 * setting up the receiving side checks first. The answer stays until the next try.
 */
export function WebhookTest({ hook }: { hook: EventWebhook }) {
  const { t } = useTranslation('webhooks');
  const test = useTestWebhook();
  const answer = test.data;
  const said = test.isError
    ? { ok: false, text: test.error.message }
    : answer && {
        ok: answer.delivered,
        text: answer.delivered ? t('card.delivered') : t('card.notDelivered', { error: answer.error ?? '' }),
      };
  return (
    <Group gap="xs" wrap="wrap" align="center">
      <Button
        size="xs"
        variant="light"
        leftSection={<IconSend size={14} aria-hidden />}
        loading={test.isPending}
        aria-label={t('card.testOf', { url: hook.url })}
        onClick={() => test.mutate(hook.id)}
      >
        {t('card.test')}
      </Button>
      {/* Announced when it changes: the answer comes after the click, away from the button's focus. */}
      <Text size="sm" role="status" className="wrap-anywhere" c={said?.ok ? 'green' : 'red'}>
        {said?.text}
      </Text>
    </Group>
  );
}

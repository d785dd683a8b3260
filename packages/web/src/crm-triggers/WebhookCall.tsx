import { Anchor, Code, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline } from '../api/crm.ts';
import type { Trigger } from '../api/crm-triggers.ts';
import { CopyIconButton } from '../app/CopyIconButton.tsx';

/** The address an outside system posts to, on this server, to fire a webhook trigger. */
export const fireUrl = (origin: string, triggerId: string) =>
  `${origin}/api/v1/crm/triggers/${encodeURIComponent(triggerId)}/fire`;

/**
 * How an outside system (1C, a payment service) fires a webhook trigger: the request to send, with a
 * copy button for its address, and the API token it needs — made on the user's tokens page.
 */
export function WebhookCall({ trigger, entity }: { trigger: Trigger; entity: Pipeline['entity'] }) {
  const { t } = useTranslation('triggers');
  const url = fireUrl(window.location.origin, trigger.id);
  const body = `{"itemId": "<${t(`webhook.itemId.${entity}`)}>"}`;
  return (
    <Stack gap={4} mt={4}>
      <Text size="xs" c="dimmed">
        {t('webhook.how')}
      </Text>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <Code
          block
          className="wrap-anywhere"
          style={{ whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}
          aria-label={t('webhook.request', { name: trigger.name })}
        >
          {`POST ${url}\n${body}`}
        </Code>
        <CopyIconButton value={url} label={t('webhook.copy')} />
      </Group>
      <Text size="xs" c="dimmed">
        {t('webhook.token')}{' '}
        <Anchor component={Link} to="/account/tokens" size="xs">
          {t('webhook.tokens')}
        </Anchor>
      </Text>
    </Stack>
  );
}

import { Accordion, Anchor, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A delivery as the receiving side sees it: the same in every language, so not translated. */
const SAMPLE = `POST <URL>
Content-Type: application/json
Idempotency-Key: <…>
X-Baton-Timestamp: 1767225600000
X-Baton-Signature: sha256=<hex HMAC-SHA256(secret, timestamp.body)>

{"event": "deal.moved", "at": "2026-01-01T00:00:00.000Z", "webhookId": "<…>", "data": {…}}`;

/** What a receiving system gets and how it checks it, folded under the page's heading. */
export function DeliveryHelp() {
  const { t } = useTranslation('webhooks');
  return (
    <Accordion variant="contained" radius="md" mb="md">
      <Accordion.Item value="delivery">
        <Accordion.Control>{t('help.title')}</Accordion.Control>
        <Accordion.Panel>
          <Stack gap="xs">
            <Text size="sm">{t('help.request')}</Text>
            <Code block className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap' }}>
              {SAMPLE}
            </Code>
            <Text size="sm">{t('help.signed')}</Text>
            <Text size="sm">{t('help.atLeastOnce')}</Text>
            <Text size="sm">{t('help.order')}</Text>
            <Text size="sm">
              {t('help.outbox')}{' '}
              <Anchor component={Link} to="/admin/outbox" size="sm">
                {t('help.outboxLink')}
              </Anchor>
            </Text>
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

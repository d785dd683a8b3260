import { Badge, Group, Menu, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '../api/definitions.ts';
import { type EventWebhook, useSaveWebhook } from '../api/webhooks.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import type { CardAction } from '../app/ManagedCards.tsx';
import { WebhookTest } from './WebhookTest.tsx';
import { switchedWebhook } from './webhook-draft.ts';
import { eventLabelKey, inEventOrder } from './webhook-events.ts';

/**
 * One webhook: its URL, the events it sends by name, the template narrowing them, a switch to stop and
 * resume sending, and a test delivery; a switched-off one dimmed.
 */
export function WebhookCard({
  hook,
  onAction,
}: {
  hook: EventWebhook;
  onAction: (a: CardAction<EventWebhook>) => void;
}) {
  const { t } = useTranslation('webhooks');
  const templateName = useDefinitionNames();
  const switcher = useSaveWebhook();
  const dim = hook.active ? undefined : 'dimmed';
  const toggle = (active: boolean) =>
    switcher.mutate(
      { id: hook.id, body: switchedWebhook(hook, active) },
      {
        onSuccess: (saved) =>
          notifications.show({
            color: 'green',
            message: t(saved.active ? 'card.switchedOn' : 'card.switchedOff', { url: saved.url }),
          }),
        onError: (error) => notifications.show({ color: 'red', message: error.message }),
      },
    );

  return (
    <CardListItem label={hook.url}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Text fw={600} c={dim} className="wrap-anywhere">
            {hook.url}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Switch
              label={t('card.on')}
              aria-label={t('card.switchOf', { url: hook.url })}
              checked={hook.active}
              disabled={switcher.isPending}
              onChange={(e) => toggle(e.currentTarget.checked)}
            />
            <ActionsMenu label={t('actionsFor', { url: hook.url })}>
              <Menu.Item
                leftSection={<IconPencil size={14} aria-hidden />}
                onClick={() => onAction({ kind: 'edit', item: hook })}
              >
                {t('edit')}
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={14} aria-hidden />}
                onClick={() => onAction({ kind: 'delete', item: hook })}
              >
                {t('delete')}
              </Menu.Item>
            </ActionsMenu>
          </Group>
        </Group>
        <Group gap={4}>
          {inEventOrder(hook.events).map((event) => (
            <Badge key={event} variant="light" color={hook.active ? 'blue' : 'gray'} tt="none">
              {t(eventLabelKey(event))}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed" className="wrap-anywhere">
          {hook.definitionKey
            ? t('card.template', { name: templateName(hook.definitionKey) })
            : t('card.allTemplates')}
        </Text>
        <WebhookTest hook={hook} />
      </Stack>
    </CardListItem>
  );
}

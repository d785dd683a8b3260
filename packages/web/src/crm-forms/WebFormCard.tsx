import { Anchor, Badge, Code, Group, Menu, Stack, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WebForm } from '../api/crm-forms.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';
import { CopyIconButton } from '../app/CopyIconButton.tsx';
import type { CardAction } from '../app/ManagedCards.tsx';
import { embedSnippet, publicLink } from './form-draft.ts';

/** One web form: its name and heading, whether it is on, its public link and the code embedding it. */
export function WebFormCard({
  form,
  onAction,
}: {
  form: WebForm;
  onAction: (action: CardAction<WebForm>) => void;
}) {
  const { t } = useTranslation('webForms');
  const link = publicLink(window.location.origin, form.token);
  const snippet = embedSnippet(window.location.origin, form.token, form.title);
  return (
    <CardListItem label={form.name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} className="wrap-anywhere">
                {form.name}
              </Text>
              <Badge color={form.active ? 'green' : 'gray'} variant="light">
                {form.active ? t('active') : t('inactive')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {form.title}
            </Text>
          </Stack>
          <ActionsMenu label={t('actionsFor', { name: form.name })}>
            <Menu.Item
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={() => onAction({ kind: 'edit', item: form })}
            >
              {t('edit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={() => onAction({ kind: 'delete', item: form })}
            >
              {t('delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Anchor
            href={link}
            target="_blank"
            rel="noreferrer"
            size="sm"
            className="wrap-anywhere"
            aria-label={t('linkOf', { name: form.name })}
          >
            {link}
          </Anchor>
          <CopyIconButton value={link} label={t('copyLink')} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('embed')}
        </Text>
        <Group gap={4} wrap="nowrap" align="flex-start">
          <Code block className="wrap-anywhere" style={{ whiteSpace: 'pre-wrap', flex: 1, minWidth: 0 }}>
            {snippet}
          </Code>
          <CopyIconButton value={snippet} label={t('copyEmbed')} />
        </Group>
      </Stack>
    </CardListItem>
  );
}

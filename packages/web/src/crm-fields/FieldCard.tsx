import { ActionIcon, Badge, Code, Group, Menu, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconPencil, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldDefinition } from '../api/crm-fields.ts';
import { ActionsMenu } from '../app/ActionsMenu.tsx';
import { CardListItem } from '../app/CardList.tsx';

export type FieldDialog = { kind: 'new' } | { kind: 'edit' | 'delete'; index: number };

/**
 * One field in the settings (the CRM's, or a list's): label, key, type, where it is required; moved,
 * edited, deleted.
 */
export function FieldCard(props: {
  field: FieldDefinition;
  index: number;
  last: boolean;
  /** Stage names by id, prefixed by their pipeline's when there are several (the CRM's fields only). */
  stageNames?: ReadonlyMap<string, string>;
  /** The server's refusal of the last reorder for this field, by what it names (`key`, `options`). */
  errors: Record<string, string> | undefined;
  /** A reorder is being saved: the arrows wait. */
  busy: boolean;
  onMove: (delta: -1 | 1) => void;
  onDialog: (dialog: FieldDialog) => void;
}) {
  const { t } = useTranslation('crmFields');
  const { field, index } = props;
  const stages = (field.requiredAtStages ?? []).map((id) => props.stageNames?.get(id) ?? id);
  return (
    <CardListItem label={field.label}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} className="wrap-anywhere">
            {field.label}
          </Text>
          <Group gap={6}>
            <Code className="wrap-anywhere">{field.key}</Code>
            <Badge variant="light" tt="none">
              {t(`types.${field.type}`)}
            </Badge>
            {field.required && (
              <Badge variant="light" color="red" tt="none">
                {t('card.required')}
              </Badge>
            )}
          </Group>
          {field.type === 'select' && (
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {t('card.options', { options: field.options.join(', ') })}
            </Text>
          )}
          {stages.length > 0 && (
            <Text size="sm" c="dimmed" className="wrap-anywhere">
              {t('card.requiredAt', { stages: stages.join(', ') })}
            </Text>
          )}
          {Object.values(props.errors ?? {}).map((message) => (
            <Text key={message} size="sm" c="red" role="alert" className="wrap-anywhere">
              {message}
            </Text>
          ))}
        </Stack>
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('card.moveUp', { label: field.label })}
            disabled={index === 0 || props.busy}
            onClick={() => props.onMove(-1)}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('card.moveDown', { label: field.label })}
            disabled={props.last || props.busy}
            onClick={() => props.onMove(1)}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionsMenu label={t('card.actionsFor', { label: field.label })}>
            <Menu.Item
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => props.onDialog({ kind: 'edit', index })}
            >
              {t('card.edit')}
            </Menu.Item>
            <Menu.Item
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => props.onDialog({ kind: 'delete', index })}
            >
              {t('card.delete')}
            </Menu.Item>
          </ActionsMenu>
        </Group>
      </Group>
    </CardListItem>
  );
}

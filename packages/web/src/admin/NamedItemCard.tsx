import { ActionIcon, Group, Text } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardListItem } from '../app/CardList.tsx';

/** A role or a group: what processes call it (`role:<name>`), what people read and who has it. */
export interface NamedItem {
  name: string;
  title: string;
  description: string | null;
}

export interface NamedItemCardProps {
  kind: 'role' | 'group';
  item: NamedItem;
  /** Who has it, a line under the description. */
  people: string;
  badge?: ReactNode;
  onEdit: () => void;
  /** Absent where the item cannot be removed. */
  onDelete?: () => void;
}

/** One role or group in its tab's list, with buttons to edit and remove it. */
export function NamedItemCard({ kind, item, people, badge, onEdit, onDelete }: NamedItemCardProps) {
  const { t } = useTranslation('admin');
  return (
    <CardListItem label={item.title}>
      <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} className="wrap-anywhere">
              {item.title}
            </Text>
            <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere">
              {`${kind}:${item.name}`}
            </Text>
            {badge}
          </Group>
          {item.description && (
            <Text size="sm" className="wrap-anywhere">
              {item.description}
            </Text>
          )}
          <Text size="sm" c="dimmed" className="wrap-anywhere">
            {people}
          </Text>
        </div>
        <Group gap={4} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t(`${kind}s.edit`, { name: item.title })}
            onClick={onEdit}
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
          {onDelete && (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t(`${kind}s.delete`, { name: item.title })}
              onClick={onDelete}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
      </Group>
    </CardListItem>
  );
}

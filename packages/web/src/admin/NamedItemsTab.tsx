import { Button, Group } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../app/CardList.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { ItemDialogs, type Removal, useItemDialog } from './ItemDialogs.tsx';
import { type NamedItem, NamedItemCard } from './NamedItemCard.tsx';

export interface NamedItemsTabProps<T extends NamedItem> {
  /** How processes refer to the items (`role:<name>`); their texts are under `roles.*`. */
  kind: 'role' | 'group';
  items: UseQueryResult<{ items: T[] }>;
  remove: Removal;
  /** Who has the item, in words. */
  people: (item: T) => string;
  badge?: (item: T) => ReactNode;
  removable?: (item: T) => boolean;
  /** What removing the item does, in words. */
  consequence: (item: T) => ReactNode;
  form: (item: T | undefined, onDone: () => void) => ReactNode;
}

/** The roles or the groups: the list, and creating, editing and removing one. */
export function NamedItemsTab<T extends NamedItem>(props: NamedItemsTabProps<T>) {
  const { t } = useTranslation('admin');
  const { kind, items, remove } = props;
  const texts = `${kind}s` as const;
  const { dialog, open, close } = useItemDialog<T>(remove);

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open({ kind: 'new' })}>
          {t(`${texts}.new`)}
        </Button>
      </Group>
      {items.isPending ? (
        <Loading />
      ) : items.isError ? (
        <ErrorNotice error={items.error} />
      ) : items.data.items.length === 0 ? (
        <Empty>{t(`${texts}.empty`)}</Empty>
      ) : (
        <CardList aria-label={t(`org.${texts}`)}>
          {items.data.items.map((item) => (
            <NamedItemCard
              key={item.name}
              kind={kind}
              item={item}
              people={props.people(item)}
              badge={props.badge?.(item)}
              onEdit={() => open({ kind: 'edit', item })}
              onDelete={props.removable?.(item) === false ? undefined : () => open({ kind: 'delete', item })}
            />
          ))}
        </CardList>
      )}
      <ItemDialogs
        dialog={dialog}
        close={close}
        texts={texts}
        label={(item) => item.title}
        idOf={(item) => item.name}
        form={({ item }) => props.form(item, close)}
        remove={remove}
        confirmLabel={t(`${texts}.deleteConfirm`)}
        consequence={props.consequence}
      />
    </>
  );
}

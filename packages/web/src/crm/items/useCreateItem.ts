import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type BoardItem, type ItemKind, itemPath } from './item-kind.ts';

/** What creating needs of an item's create mutation (`useCreateDeal()`, `useCreateLead()`). */
export interface ItemCreation<Body> {
  mutate(body: Body, callbacks: { onSuccess: (item: Pick<BoardItem, 'id' | 'title'>) => void }): void;
  error: unknown;
  isPending: boolean;
}

/**
 * The new item form's props but the draft: its label, the server's refusal, and a submit that creates
 * the item, says so and opens its card in place of the new item's page.
 */
export function useCreateItem<Body>(kind: ItemKind, create: ItemCreation<Body>) {
  const { t } = useTranslation(kind.ns);
  const navigate = useNavigate();
  return {
    label: t(`${kind.itemWords}newTitle`),
    submitLabel: t(`${kind.itemWords}create`),
    error: create.error,
    pending: create.isPending,
    create: (body: Body) =>
      create.mutate(body, {
        onSuccess: (item) => {
          notifications.show({
            color: 'green',
            message: t(`${kind.itemWords}created`, { title: item.title }),
          });
          navigate(itemPath(kind, item.id), { replace: true });
        },
      }),
  };
}

import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { type BoardItem, boardPath, type ItemKind } from './item-kind.ts';

/** What deleting needs of an item's delete mutation (`useDeleteDeal()`, `useDeleteLead()`). */
export interface ItemRemoval {
  mutate(id: string, callbacks: { onSuccess: () => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
}

/** Asks before deleting an item; deleted, it goes back to its pipeline's board. */
export function DeleteItem(props: {
  kind: ItemKind;
  item: Pick<BoardItem, 'id' | 'title' | 'pipelineId'>;
  remove: ItemRemoval;
  opened: boolean;
  onClose: () => void;
}) {
  const { kind, item, remove } = props;
  const { t } = useTranslation(kind.ns);
  const navigate = useNavigate();
  const words = (key: string, values?: Record<string, string>) => t(`${kind.itemWords}${key}`, values);
  return (
    <ConfirmDialog
      opened={props.opened}
      onClose={() => {
        remove.reset();
        props.onClose();
      }}
      title={words('deleteTitle', { title: item.title })}
      confirmLabel={words('delete')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(item.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: words('deleted', { title: item.title }) });
            navigate(boardPath(kind, item.pipelineId), { replace: true });
          },
        })
      }
    >
      {words('deleteConsequence')}
    </ConfirmDialog>
  );
}

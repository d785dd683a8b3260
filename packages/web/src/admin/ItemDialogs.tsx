import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { FormModal } from '../app/FormModal.tsx';

/**
 * What an organisation tab has open: the form for a new item (inside `parentId` where items nest), the
 * form for an existing one, or the question before removing one.
 */
export type ItemDialog<T> = { kind: 'new'; parentId?: string } | { kind: 'edit' | 'delete'; item: T } | null;

/** Removes an item by its id. */
export type Removal = Pick<
  UseMutationResult<unknown, Error, string>,
  'mutate' | 'reset' | 'isPending' | 'error'
>;

/** The open dialog; closing it forgets a refused removal, so the next question starts clean. */
export function useItemDialog<T>(remove: Removal) {
  const [dialog, open] = useState<ItemDialog<T>>(null);
  const close = () => {
    remove.reset();
    open(null);
  };
  return { dialog, open, close };
}

export interface ItemDialogsProps<T> {
  dialog: ItemDialog<T>;
  close: () => void;
  /** Where the titles are: `<texts>.newTitle`, `.editTitle`, `.deleteTitle` and `.deleted`, given the item's `name`. */
  texts: 'departments' | 'roles' | 'groups';
  /** The item's name as people read it. */
  label: (item: T) => string;
  /** The item's id: what the removal takes, and a fresh form for each item. */
  idOf: (item: T) => string;
  form: (open: { item?: T; parentId?: string }) => ReactNode;
  remove: Removal;
  confirmLabel: string;
  /** What removing the item does, in words. */
  consequence: (item: T) => ReactNode;
}

/** The form dialog for a new or an existing item and the question before removing one. */
export function ItemDialogs<T>(props: ItemDialogsProps<T>) {
  const { t } = useTranslation('admin');
  const { dialog, close, texts, label, remove } = props;
  return (
    <>
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t(`${texts}.editTitle`, { name: label(dialog.item) })
            : t(`${texts}.newTitle`)
        }
        size="md"
      >
        {dialog?.kind === 'new' && props.form({ parentId: dialog.parentId })}
        {dialog?.kind === 'edit' && (
          <Fragment key={props.idOf(dialog.item)}>{props.form({ item: dialog.item })}</Fragment>
        )}
      </FormModal>
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t(`${texts}.deleteTitle`, { name: label(dialog.item) })}
          confirmLabel={props.confirmLabel}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(props.idOf(dialog.item), {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t(`${texts}.deleted`, { name: label(dialog.item) }),
                });
                close();
              },
            })
          }
        >
          {props.consequence(dialog.item)}
        </ConfirmDialog>
      )}
    </>
  );
}

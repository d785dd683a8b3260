import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import type { Removal } from '../app/DeleteAndLeave.tsx';

/** Asks before removing a robot or a trigger from its stage; `children` say what follows. */
export function DeleteRule(props: {
  id: string;
  removal: Removal;
  title: string;
  confirmLabel: string;
  /** The notice once deleted. */
  done: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { removal } = props;
  return (
    <ConfirmDialog
      opened
      onClose={props.onClose}
      title={props.title}
      confirmLabel={props.confirmLabel}
      pending={removal.isPending}
      error={removal.error}
      onConfirm={() =>
        removal.mutate(props.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: props.done });
            props.onClose();
          },
        })
      }
    >
      {props.children}
    </ConfirmDialog>
  );
}

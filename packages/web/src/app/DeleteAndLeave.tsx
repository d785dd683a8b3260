import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/** What deleting needs of a delete mutation (`useDeleteDeal()`, `useDeleteQuote()`, …). */
export interface Removal {
  mutate(id: string, callbacks: { onSuccess: () => void }): void;
  reset(): void;
  error: unknown;
  isPending: boolean;
}

/**
 * Asks before deleting what a page shows; deleted, it says so and leaves for `leaveTo` (where the thing
 * lived: its board, its deal). A refusal shows inside (`error`, default the mutation's own).
 */
export function DeleteAndLeave(props: {
  id: string;
  removal: Removal;
  opened: boolean;
  onClose: () => void;
  title: string;
  confirmLabel: string;
  doneMessage: string;
  leaveTo: string;
  error?: unknown;
  children: ReactNode;
}) {
  const { removal } = props;
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      opened={props.opened}
      onClose={() => {
        removal.reset();
        props.onClose();
      }}
      title={props.title}
      confirmLabel={props.confirmLabel}
      pending={removal.isPending}
      error={'error' in props ? props.error : removal.error}
      onConfirm={() =>
        removal.mutate(props.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: props.doneMessage });
            navigate(props.leaveTo, { replace: true });
          },
        })
      }
    >
      {props.children}
    </ConfirmDialog>
  );
}

import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useUpdateUser } from '../../api/org-writes.ts';
import type { User } from '../../api/types.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';

/** Deactivates an active user or reactivates an inactive one, after saying what that does. */
export function ActivationDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const deactivating = user.active;
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t(deactivating ? 'users.deactivateTitle' : 'users.reactivateTitle', { name: user.name })}
      confirmLabel={t(deactivating ? 'users.deactivate' : 'users.reactivate')}
      color={deactivating ? 'red' : 'indigo'}
      pending={update.isPending}
      error={update.error}
      onConfirm={() =>
        update.mutate(
          { id: user.id, changes: { active: !deactivating } },
          {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t(deactivating ? 'users.deactivated' : 'users.reactivated', { name: user.name }),
              });
              onClose();
            },
          },
        )
      }
    >
      {t(deactivating ? 'users.deactivateText' : 'users.reactivateText')}
    </ConfirmDialog>
  );
}

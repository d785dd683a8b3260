import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Robot, useDeleteRobot } from '../api/crm-robots.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';

/** Asks before removing a robot; deals already waiting on it are then left alone. */
export function DeleteRobot({ robot, onClose }: { robot: Robot; onClose: () => void }) {
  const { t } = useTranslation('robots');
  const remove = useDeleteRobot();
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t('delete.title', { name: robot.name })}
      confirmLabel={t('delete.confirm')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(robot.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('delete.done', { name: robot.name }) });
            onClose();
          },
        })
      }
    >
      {t('delete.consequence')}
    </ConfirmDialog>
  );
}

import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Activity, useDeleteActivity } from '../api/crm-activities.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { explainedActivity } from './activity-problems.ts';

/** Asks before deleting an activity: unlike completing it, nothing of it is kept. */
export function DeleteActivity({ activity, onClose }: { activity: Activity; onClose: () => void }) {
  const { t } = useTranslation('activities');
  const remove = useDeleteActivity();
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t('delete.title', { title: activity.title })}
      confirmLabel={t('delete.confirm')}
      pending={remove.isPending}
      error={explainedActivity(remove.error, t)}
      onConfirm={() =>
        remove.mutate(activity.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('delete.done', { title: activity.title }) });
            onClose();
          },
        })
      }
    >
      {t('delete.consequence')}
    </ConfirmDialog>
  );
}

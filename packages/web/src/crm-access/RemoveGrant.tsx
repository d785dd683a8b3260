import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Grant, useWithdrawAccess } from '../api/crm-access.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { scopeOf } from './grant-scope.ts';

/** Asks before withdrawing a grant: the role's holders keep only what they and the people below them lead. */
export function RemoveGrant({ grant, onClose }: { grant: Grant; onClose: () => void }) {
  const { t } = useTranslation('crmAccess');
  const withdraw = useWithdrawAccess();
  const words = { role: grant.roleTitle, scope: scopeOf(grant, t) };
  return (
    <ConfirmDialog
      opened
      onClose={onClose}
      title={t('remove.title', words)}
      confirmLabel={t('remove.confirm')}
      pending={withdraw.isPending}
      error={withdraw.error}
      onConfirm={() =>
        withdraw.mutate(grant.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('remove.done', words) });
            onClose();
          },
        })
      }
    >
      {t('remove.consequence', words)}
    </ConfirmDialog>
  );
}

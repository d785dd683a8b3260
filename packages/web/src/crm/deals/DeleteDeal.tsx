import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type DealItem, useDeleteDeal } from '../../api/crm-deals.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';

/** Asks before deleting a deal; deleted, it goes back to its pipeline's board. */
export function DeleteDeal({
  deal,
  opened,
  onClose,
}: {
  deal: DealItem;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation('crm');
  const remove = useDeleteDeal();
  const navigate = useNavigate();
  return (
    <ConfirmDialog
      opened={opened}
      onClose={() => {
        remove.reset();
        onClose();
      }}
      title={t('deal.deleteTitle', { title: deal.title })}
      confirmLabel={t('deal.delete')}
      pending={remove.isPending}
      error={remove.error}
      onConfirm={() =>
        remove.mutate(deal.id, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('deal.deleted', { title: deal.title }) });
            navigate(`/crm/deals?pipeline=${encodeURIComponent(deal.pipelineId)}`, { replace: true });
          },
        })
      }
    >
      {t('deal.deleteConsequence')}
    </ConfirmDialog>
  );
}

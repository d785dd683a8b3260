import { useTranslation } from 'react-i18next';
import { type Trigger, useDeleteTrigger } from '../api/crm-triggers.ts';
import { DeleteRule } from '../crm-robots/DeleteRule.tsx';

/** Asks before removing a trigger; what it moved stays where it is. */
export function DeleteTrigger({ trigger, onClose }: { trigger: Trigger; onClose: () => void }) {
  const { t } = useTranslation('triggers');
  return (
    <DeleteRule
      id={trigger.id}
      removal={useDeleteTrigger()}
      title={t('delete.title', { name: trigger.name })}
      confirmLabel={t('delete.confirm')}
      done={t('delete.done', { name: trigger.name })}
      onClose={onClose}
    >
      {t('delete.consequence')}
    </DeleteRule>
  );
}

import { useTranslation } from 'react-i18next';
import type { Activity } from '../api/crm-activities.ts';
import { FormModal } from '../app/FormModal.tsx';
import { ActivityForm } from './ActivityForm.tsx';
import { CompleteActivity } from './CompleteActivity.tsx';
import { DeleteActivity } from './DeleteActivity.tsx';

/** Which dialog is open: planning one on a deal (for its manager at first), or acting on one. */
export type ActivityDialog =
  | { kind: 'plan'; dealId: string; responsibleId: string | null }
  | { kind: 'edit' | 'complete' | 'delete'; activity: Activity };

/** The open dialog, if any; each closes itself (`onClose`) when done or cancelled. */
export function ActivityDialogs({ dialog, onClose }: { dialog: ActivityDialog | null; onClose: () => void }) {
  const { t } = useTranslation('activities');
  return (
    <>
      <FormModal
        opened={dialog?.kind === 'plan' || dialog?.kind === 'edit'}
        onClose={onClose}
        title={
          dialog?.kind === 'edit' ? t('form.editTitle', { title: dialog.activity.title }) : t('form.newTitle')
        }
      >
        {dialog?.kind === 'plan' && (
          <ActivityForm dealId={dialog.dealId} responsibleId={dialog.responsibleId} onDone={onClose} />
        )}
        {dialog?.kind === 'edit' && (
          <ActivityForm
            key={dialog.activity.id}
            dealId={dialog.activity.dealId}
            activity={dialog.activity}
            responsibleId={dialog.activity.responsibleId}
            onDone={onClose}
          />
        )}
      </FormModal>
      {dialog?.kind === 'complete' && <CompleteActivity activity={dialog.activity} onClose={onClose} />}
      {dialog?.kind === 'delete' && <DeleteActivity activity={dialog.activity} onClose={onClose} />}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { FormModal } from '../app/FormModal.tsx';
import { DeleteTrigger } from './DeleteTrigger.tsx';
import type { TriggerDialog } from './TriggerCard.tsx';
import { TriggerForm } from './TriggerForm.tsx';

/** The dialog a trigger's card or a stage's button opened: a new trigger, one edited, one deleted. */
export function TriggerDialogs(props: {
  pipeline: Pipeline;
  dialog: TriggerDialog | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('triggers');
  const { pipeline, dialog, onClose } = props;
  return (
    <>
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={onClose}
        title={
          dialog?.kind === 'edit' ? t('form.editTitle', { name: dialog.trigger.name }) : t('form.newTitle')
        }
      >
        {dialog?.kind === 'new' && (
          <TriggerForm pipeline={pipeline} stageId={dialog.stageId} onDone={onClose} />
        )}
        {dialog?.kind === 'edit' && (
          <TriggerForm
            key={dialog.trigger.id}
            pipeline={pipeline}
            trigger={dialog.trigger}
            onDone={onClose}
          />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && <DeleteTrigger trigger={dialog.trigger} onClose={onClose} />}
    </>
  );
}

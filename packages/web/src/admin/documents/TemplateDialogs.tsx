import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type DocumentTemplateSummary, useDeleteDocumentTemplate } from '../../api/documents.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { DocxTemplateForm } from './DocxTemplateForm.tsx';
import { PreviewForm } from './PreviewForm.tsx';
import { TextTemplateForm } from './TextTemplateForm.tsx';

/**
 * What the page has open: a text or DOCX form (for a new template without one, else for that
 * template), the try-out of a template, or the question before deleting it.
 */
export type TemplateAction =
  | { kind: 'text' | 'docx'; template?: DocumentTemplateSummary }
  | { kind: 'preview' | 'delete'; template: DocumentTemplateSummary };

const titleKeys = {
  text: ['documents.newTextTitle', 'documents.editTitle'],
  docx: ['documents.uploadTitle', 'documents.replaceTitle'],
  preview: ['documents.previewTitle', 'documents.previewTitle'],
} as const;

/** The dialog of the open action, if any; `taken` are the keys a new template may not take. */
export function TemplateDialogs(props: {
  action: TemplateAction | null;
  taken: readonly string[];
  onClose: () => void;
}) {
  const { t } = useTranslation('admin');
  const remove = useDeleteDocumentTemplate();
  const { action, taken } = props;
  const close = () => {
    remove.reset();
    props.onClose();
  };
  if (!action) return null;
  const { template } = action;

  if (action.kind === 'delete')
    return (
      <ConfirmDialog
        opened
        onClose={close}
        title={t('documents.deleteTitle', { name: action.template.name })}
        confirmLabel={t('documents.deleteConfirm')}
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() =>
          remove.mutate(action.template.key, {
            onSuccess: () => {
              notifications.show({
                color: 'green',
                message: t('documents.deleted', { name: action.template.name }),
              });
              close();
            },
          })
        }
      >
        {t('documents.deleteConsequence', { key: action.template.key })}
      </ConfirmDialog>
    );

  const formProps = { taken, onDone: close, ...(template ? { template } : {}) };
  return (
    <FormModal
      key={`${action.kind}:${template?.key ?? ''}`}
      opened
      onClose={close}
      title={t(titleKeys[action.kind][template ? 1 : 0], { name: template?.name })}
    >
      {action.kind === 'text' && <TextTemplateForm {...formProps} />}
      {action.kind === 'docx' && <DocxTemplateForm {...formProps} />}
      {action.kind === 'preview' && <PreviewForm template={action.template} onDone={close} />}
    </FormModal>
  );
}

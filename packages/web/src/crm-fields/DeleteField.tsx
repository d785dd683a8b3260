import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type CrmField, type FieldEntity, useSaveFields } from '../api/crm-fields.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { inputsOf, withoutField } from './field-list.ts';

/** Asks before removing a field from its kind's list; the values items hold under its key stay. */
export function DeleteField(props: {
  entity: FieldEntity;
  fields: readonly CrmField[];
  index: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('crmFields');
  const save = useSaveFields(props.entity);
  const field = props.fields[props.index];
  if (!field) return null;
  return (
    <ConfirmDialog
      opened
      onClose={props.onClose}
      title={t('delete.title', { label: field.label })}
      confirmLabel={t('delete.confirm')}
      pending={save.isPending}
      error={save.error}
      onConfirm={() =>
        save.mutate(withoutField(inputsOf(props.fields), props.index), {
          onSuccess: () => {
            notifications.show({ color: 'green', message: t('delete.done', { label: field.label }) });
            props.onClose();
          },
        })
      }
    >
      {t(`entities.${props.entity}.consequence`, { key: field.key })}
    </ConfirmDialog>
  );
}

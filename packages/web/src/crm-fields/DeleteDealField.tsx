import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type DealField, useSaveDealFields } from '../api/crm-deal-fields.ts';
import { ConfirmDialog } from '../app/ConfirmDialog.tsx';
import { inputsOf, withoutField } from './field-list.ts';

/** Asks before removing a field from the list; the values deals hold under its key stay. */
export function DeleteDealField(props: { fields: readonly DealField[]; index: number; onClose: () => void }) {
  const { t } = useTranslation('dealFields');
  const save = useSaveDealFields();
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
      {t('delete.consequence', { key: field.key })}
    </ConfirmDialog>
  );
}

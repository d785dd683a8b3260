import { Button, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListField } from '../api/lists.ts';
import { CardList } from '../app/CardList.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FieldCard, type FieldDialog } from '../crm-fields/FieldCard.tsx';
import { moveField, withField, withoutField } from '../crm-fields/field-list.ts';
import { ListFieldDialog } from './ListFieldDialog.tsx';

/**
 * A list's fields in its settings, with the CRM field editor's cards: added, changed, reordered and
 * deleted in the draft, saved with the list. `errorsOf` gives the server's refusal for a field by key.
 */
export function ListFieldsEditor(props: {
  fields: ListField[];
  onChange: (fields: ListField[]) => void;
  errorsOf: (key: string) => Record<string, string> | undefined;
}) {
  const { t } = useTranslation('lists');
  const { fields } = props;
  const [dialog, setDialog] = useState<FieldDialog | null>(null);
  const close = () => setDialog(null);
  const editing = dialog?.kind === 'edit' ? fields[dialog.index] : undefined;
  const index = dialog?.kind === 'edit' ? dialog.index : null;
  const title = editing ? t('fields.editTitle', { label: editing.label }) : t('fields.newTitle');

  const onDialog = (next: FieldDialog) => {
    // Nothing is saved before the list is: deleting a field from the draft needs no confirmation.
    if (next.kind === 'delete') props.onChange(withoutField(fields, next.index));
    else setDialog(next);
  };

  return (
    <Stack gap="sm">
      {fields.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('fields.empty')}
        </Text>
      ) : (
        <CardList aria-label={t('fields.title')}>
          {fields.map((field, i) => (
            <FieldCard
              key={field.key}
              field={field}
              index={i}
              last={i === fields.length - 1}
              errors={props.errorsOf(field.key)}
              busy={false}
              onMove={(delta) => props.onChange(moveField(fields, i, delta))}
              onDialog={onDialog}
            />
          ))}
        </CardList>
      )}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setDialog({ kind: 'new' })}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('fields.add')}
      </Button>
      <FormModal opened={dialog !== null} onClose={close} title={title}>
        {dialog && (
          <ListFieldDialog
            key={index ?? 'new'}
            title={title}
            field={editing}
            taken={fields.filter((_, i) => i !== index).map((f) => f.key)}
            errors={editing ? (props.errorsOf(editing.key) ?? {}) : {}}
            onDone={(field) => {
              props.onChange(withField(fields, index, field));
              close();
            }}
            onCancel={close}
          />
        )}
      </FormModal>
    </Stack>
  );
}

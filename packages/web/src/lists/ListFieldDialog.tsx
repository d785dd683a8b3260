import { Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListField } from '../api/lists.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FieldInputs, useFieldDraft } from '../crm-fields/FieldInputs.tsx';
import { draftOfField, newFieldDraft } from '../crm-fields/field-list.ts';
import { listFieldOf, RECORD_NAMES } from './list-draft.ts';

/**
 * A list's field added (no `field`) or changed in its settings, with the CRM field editor's inputs; it
 * is kept in the settings' draft, saved with the list.
 */
export function ListFieldDialog(props: {
  /** The dialog's title, which names the form. */
  title: string;
  field: ListField | undefined;
  /** The other fields' keys, which this one may not take. */
  taken: readonly string[];
  /** The server's refusal of the last save for this field, by what it names. */
  errors: Record<string, string>;
  onDone: (field: ListField) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('lists');
  const { field } = props;
  const draft = useFieldDraft(
    () => (field ? draftOfField(field) : newFieldDraft()),
    props.taken,
    RECORD_NAMES,
  );
  const taken = props.taken.includes(draft.draft.key.trim());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The dialog is a portal inside the settings form: its submit must not reach that form too.
    event.stopPropagation();
    if (draft.problem || taken) return;
    props.onDone(listFieldOf(draft.draft));
  };

  return (
    <form onSubmit={submit} aria-label={props.title}>
      <Stack gap="sm">
        <FieldInputs
          field={draft}
          errors={taken ? { ...props.errors, key: t('fields.keyTaken') } : props.errors}
          requiredLabel={t('fields.required')}
          keyHint={t('fields.keyHint')}
        />
      </Stack>
      <FormButtons
        onCancel={props.onCancel}
        submitLabel={field ? t('fields.apply') : t('fields.create')}
        disabled={draft.problem !== null || taken || draft.draft.label.trim() === ''}
      />
    </form>
  );
}

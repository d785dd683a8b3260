import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type List, useAddRecord } from '../api/lists.ts';
import { useUploading } from '../api/process-files.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { explainedListProblem } from './problems.ts';
import { RecordFields } from './RecordFields.tsx';
import { newRecordDraft, newRecordOf } from './record-draft.ts';

/**
 * A new record of `list`, in a dialog: its title and fields (adding it waits while a file field's file
 * is on its way); the server's refusals at the inputs.
 */
export function NewRecordForm(props: { list: List; onDone: () => void }) {
  const { t } = useTranslation('lists');
  const [draft, setDraft] = useState(newRecordDraft);
  const add = useAddRecord(props.list.key);
  const uploading = useUploading();
  const errors = fieldErrorsOf(add.error, ['title', 'values']);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(newRecordOf(draft), {
      onSuccess: (record) => {
        notifications.show({ color: 'green', message: t('record.added', { title: record.title }) });
        props.onDone();
      },
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('record.newTitle', { list: props.list.name })}>
      <FormProblem error={explainedListProblem(add.error, t)} shown={errors} />
      <RecordFields
        fields={props.list.fields}
        draft={draft}
        onChange={setDraft}
        error={add.error}
        titleError={errors.title}
        autoFocus
      />
      <FormButtons
        onCancel={props.onDone}
        submitLabel={t('record.create')}
        pending={add.isPending}
        disabled={draft.title.trim() === '' || uploading}
      />
    </form>
  );
}

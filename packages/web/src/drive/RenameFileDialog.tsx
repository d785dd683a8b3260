import { TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriveFile, useRenameFile } from '../api/drive.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormModal } from '../app/FormModal.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { nameErrorOf } from './problems.ts';

/** A file's new name; a name the folder has, or one the server refuses, is said beside the input. */
export function RenameFileDialog(props: { file: DriveFile; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('drive');
  return (
    <FormModal
      opened={props.opened}
      onClose={props.onClose}
      title={t('file.renameTitle', { name: props.file.name })}
    >
      <RenameForm file={props.file} onDone={props.onClose} />
    </FormModal>
  );
}

function RenameForm({ file, onDone }: { file: DriveFile; onDone: () => void }) {
  const { t } = useTranslation('drive');
  const [name, setName] = useState(file.name);
  const rename = useRenameFile();
  const error = nameErrorOf(rename.error, t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { id: file.id, name: name.trim() },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('file.renamed', { name: saved.name }) });
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <FormProblem error={rename.error} shown={error ? { name: error } : {}} />
      <TextInput
        label={t('file.name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={error}
        data-autofocus
      />
      <FormButtons
        onCancel={onDone}
        submitLabel={t('file.rename')}
        pending={rename.isPending}
        disabled={name.trim() === '' || name.trim() === file.name}
      />
    </form>
  );
}

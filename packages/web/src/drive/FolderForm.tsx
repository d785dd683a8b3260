import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DriveFolder, useSaveFolder } from '../api/drive.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { SubjectsInput } from '../app/SubjectsInput.tsx';
import {
  draftOfFolder,
  type FolderDraft,
  folderErrors,
  folderOfDraft,
  newFolderDraft,
} from './folder-draft.ts';
import { nameErrorOf } from './problems.ts';

/**
 * A folder's settings — name, description, who reads, who writes — saved as a whole; the server's
 * refusals beside the inputs. An existing folder's form offers its deletion (`onDelete`).
 */
export function FolderForm(props: {
  folder?: DriveFolder;
  onSaved: (folder: DriveFolder) => void;
  onCancel: () => void;
  onDelete?: () => void;
}) {
  const { t } = useTranslation('drive');
  const [draft, setDraft] = useState<FolderDraft>(() =>
    props.folder ? draftOfFolder(props.folder) : newFolderDraft(),
  );
  const save = useSaveFolder(props.folder?.id ?? null);
  const set = (change: Partial<FolderDraft>) => setDraft((d) => ({ ...d, ...change }));
  const errors = folderErrors(save.error);
  const name = nameErrorOf(save.error, t);
  if (name) errors.name = name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(folderOfDraft(draft), { onSuccess: props.onSaved });
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('folder.name')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
        />
        <Textarea
          label={t('folder.description')}
          autosize
          minRows={2}
          maxRows={6}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <SubjectsInput
          label={t('folder.readers')}
          description={t('folder.readersHint')}
          value={draft.read}
          onChange={(read) => set({ read })}
          error={errors.read}
        />
        <SubjectsInput
          label={t('folder.writers')}
          description={t('folder.writersHint')}
          value={draft.write}
          onChange={(write) => set({ write })}
          error={errors.write}
        />
      </Stack>
      <Group justify="space-between" align="flex-end" gap="xs">
        {props.onDelete ? (
          <Button
            variant="subtle"
            color="red"
            mt="md"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={props.onDelete}
          >
            {t('folder.delete')}
          </Button>
        ) : (
          <span />
        )}
        <FormButtons
          onCancel={props.onCancel}
          submitLabel={props.folder ? t('common:actions.save') : t('folder.create')}
          pending={save.isPending}
          disabled={draft.name.trim() === ''}
        />
      </Group>
    </form>
  );
}

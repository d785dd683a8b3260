import { Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type List, useSaveList } from '../api/lists.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { SubjectsInput } from '../app/SubjectsInput.tsx';
import { rowErrors } from '../crm-fields/field-list.ts';
import { ListFieldsEditor } from './ListFieldsEditor.tsx';
import {
  draftOfList,
  type ListDraft,
  listKeyValid,
  listOfDraft,
  newListDraft,
  settingsErrors,
  suggestListKey,
} from './list-draft.ts';
import { ProcessSelect } from './ProcessSelect.tsx';

/**
 * A list's settings — name, key (a new list's only: processes name the list by it), description, fields,
 * who reads and who writes, the process about each new record — saved as a whole; the server's refusals
 * beside the inputs and on the fields' cards.
 */
export function ListSettingsForm(props: {
  /** The list to change; absent for a new one. */
  list?: List;
  /** The keys of the lists the user sees, which a new one may not take. */
  taken: readonly string[];
  onSaved: (list: List) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('lists');
  const { list } = props;
  const [draft, setDraft] = useState<ListDraft>(() => (list ? draftOfList(list) : newListDraft()));
  const save = useSaveList(list?.key ?? null);
  const set = (change: Partial<ListDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setName = (name: string) =>
    setDraft((d) => ({
      ...d,
      name,
      key: d.keyEdited ? d.key : name.trim() ? suggestListKey(name, props.taken) : '',
    }));
  const key = draft.key.trim();
  const keyProblem = list || key === '' ? null : !listKeyValid(key) ? 'keyInvalid' : null;
  const errors = settingsErrors(save.error);
  // The refusal names fields by their place in the list sent; the cards find theirs by key.
  const refused = rowErrors(save.error, 'body.fields');
  const errorsOf = (fieldKey: string) => {
    const at = (save.variables?.fields ?? []).findIndex((f) => f.key === fieldKey);
    return at < 0 ? undefined : refused[at];
  };
  // Messages on the fields' cards count as shown: no alert above the form repeats them.
  const shown = {
    ...errors,
    ...Object.fromEntries(
      Object.entries(refused).map(([row, e]) => [`fields.${row}`, Object.values(e).join('; ')]),
    ),
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (keyProblem) return;
    save.mutate(listOfDraft(draft), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('form.saved', { name: saved.name }) });
        props.onSaved(saved);
      },
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={list ? t('settingsOf', { name: list.name }) : t('form.newTitle')}
      style={{ maxWidth: '52rem' }}
    >
      <FormProblem error={save.error} shown={shown} />
      <Stack gap="md">
        <SectionCard id="list-general" title={t('form.general')}>
          <Stack gap="sm">
            <TextInput
              label={t('form.name')}
              required
              value={draft.name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              data-autofocus
            />
            <TextInput
              label={t('form.key')}
              description={t('form.keyHint')}
              required
              // Processes name the list by it: a stored list's key is shown (and copied), never changed.
              readOnly={list !== undefined}
              autoCapitalize="none"
              autoComplete="off"
              spellCheck={false}
              value={draft.key}
              onChange={(e) => set({ key: e.currentTarget.value, keyEdited: true })}
              error={keyProblem ? t(`form.${keyProblem}`) : errors.key}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            />
            <Textarea
              label={t('form.description')}
              autosize
              minRows={2}
              maxRows={8}
              value={draft.description}
              onChange={(e) => set({ description: e.currentTarget.value })}
              error={errors.description}
            />
          </Stack>
        </SectionCard>
        <SectionCard id="list-fields" title={t('fields.title')}>
          <ListFieldsEditor
            fields={draft.fields}
            onChange={(fields) => set({ fields })}
            errorsOf={errorsOf}
          />
        </SectionCard>
        <SectionCard id="list-rights" title={t('form.rights')}>
          <Stack gap="sm">
            <SubjectsInput
              label={t('form.readers')}
              description={t('form.readersHint')}
              value={draft.read}
              onChange={(read) => set({ read })}
              error={errors.read}
            />
            <SubjectsInput
              label={t('form.writers')}
              description={t('form.writersHint')}
              value={draft.write}
              onChange={(write) => set({ write })}
              error={errors.write}
            />
          </Stack>
        </SectionCard>
        <SectionCard id="list-process" title={t('form.processTitle')}>
          <ProcessSelect
            listKey={draft.key}
            value={draft.processKey}
            onChange={(processKey) => set({ processKey })}
            error={errors.processKey}
          />
        </SectionCard>
      </Stack>
      <FormButtons
        onCancel={props.onCancel}
        submitLabel={list ? t('common:actions.save') : t('form.create')}
        pending={save.isPending}
        disabled={keyProblem !== null || draft.name.trim() === '' || key === ''}
      />
    </form>
  );
}

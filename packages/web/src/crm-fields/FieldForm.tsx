import { Checkbox, MultiSelect, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { type CrmField, type CrmFieldType, type FieldEntity, useSaveFields } from '../api/crm-fields.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { STAGED } from './field-entity.ts';
import { keyProblem, suggestKey } from './field-key.ts';
import {
  draftOfField,
  errorsOfRow,
  FIELD_TYPES,
  type FieldDraft,
  fieldOfDraft,
  inputsOf,
  newFieldDraft,
  withField,
} from './field-list.ts';
import { stageOptions } from './stage-labels.ts';

/**
 * Adds a field of a kind (`index` null) or changes the one at `index`; saving sends the kind's whole
 * list, so the server's messages come by row and show beside the inputs. The stages a field may be
 * required at are those of the kind's `pipelines`, for deals and leads only.
 */
export function FieldForm(props: {
  entity: FieldEntity;
  fields: readonly CrmField[];
  index: number | null;
  pipelines: readonly Pipeline[];
  onDone: () => void;
}) {
  const { t } = useTranslation('crmFields');
  const { entity, fields, index } = props;
  const editing = index === null ? undefined : fields[index];
  const [draft, setDraft] = useState<FieldDraft>(() => (editing ? draftOfField(editing) : newFieldDraft()));
  const save = useSaveFields(entity);
  const errors = errorsOfRow(save.error, save.variables ?? [], index ?? fields.length);
  const problem = keyProblem(draft.key.trim());
  const taken = fields.filter((_, i) => i !== index).map((f) => f.key);
  const set = (change: Partial<FieldDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setLabel = (label: string) =>
    setDraft((d) => ({
      ...d,
      label,
      key: d.keyEdited ? d.key : label.trim() ? suggestKey(label, taken) : '',
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const field = fieldOfDraft(draft);
    save.mutate(withField(inputsOf(fields), index, field), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('form.saved', { label: field.label }) });
        props.onDone();
      },
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={editing ? t('form.editTitle', { label: editing.label }) : t(`entities.${entity}.newTitle`)}
    >
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('form.label')}
          required
          value={draft.label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={errors.label}
          data-autofocus
        />
        <TextInput
          label={t('form.key')}
          description={t('form.keyHint')}
          required
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          value={draft.key}
          onChange={(e) => set({ key: e.currentTarget.value, keyEdited: true })}
          error={
            problem === 'pattern' || problem === 'builtIn' ? t(`form.keyProblems.${problem}`) : errors.key
          }
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
        <Select
          label={t('form.type')}
          data={FIELD_TYPES.map((type) => ({ value: type, label: t(`types.${type}`) }))}
          value={draft.type}
          onChange={(type) => type && set({ type: type as CrmFieldType })}
          allowDeselect={false}
          error={errors.type}
        />
        {draft.type === 'select' && (
          <TagsInput
            label={t('form.options')}
            description={t('form.optionsHint')}
            required
            value={draft.options}
            onChange={(options) => set({ options })}
            error={errors.options}
            clearable
          />
        )}
        <Checkbox
          label={t(`entities.${entity}.required`)}
          checked={draft.required}
          onChange={(e) => set({ required: e.currentTarget.checked })}
          error={errors.required}
        />
        {STAGED[entity] && (
          <MultiSelect
            label={t('form.requiredAtStages')}
            description={t(`entities.${entity}.requiredAtStagesHint`)}
            data={stageOptions(props.pipelines)}
            value={draft.requiredAtStages}
            onChange={(requiredAtStages) => set({ requiredAtStages })}
            searchable
            clearable
            error={errors.requiredAtStages}
          />
        )}
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={editing ? t('common:actions.save') : t('form.create')}
        pending={save.isPending}
        disabled={problem !== null || draft.label.trim() === ''}
      />
    </form>
  );
}

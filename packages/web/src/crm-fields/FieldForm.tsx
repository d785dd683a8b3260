import { MultiSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../api/crm.ts';
import { type CrmField, type FieldEntity, useSaveFields } from '../api/crm-fields.ts';
import { FormButtons } from '../app/FormButtons.tsx';
import { FormProblem } from '../app/FormProblem.tsx';
import { FieldInputs, useFieldDraft } from './FieldInputs.tsx';
import { STAGED } from './field-entity.ts';
import { draftOfField, errorsOfRow, fieldOfDraft, inputsOf, newFieldDraft, withField } from './field-list.ts';
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
  const taken = fields.filter((_, i) => i !== index).map((f) => f.key);
  const field = useFieldDraft(() => (editing ? draftOfField(editing) : newFieldDraft()), taken);
  const { draft, set, problem } = field;
  const save = useSaveFields(entity);
  const errors = errorsOfRow(save.error, save.variables ?? [], index ?? fields.length);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    const saved = fieldOfDraft(draft);
    save.mutate(withField(inputsOf(fields), index, saved), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('form.saved', { label: saved.label }) });
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
        <FieldInputs field={field} errors={errors} requiredLabel={t(`entities.${entity}.required`)} />
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

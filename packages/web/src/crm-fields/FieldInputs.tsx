import { Checkbox, Select, TagsInput, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrmFieldType } from '../api/crm-fields.ts';
import { BUILT_IN_KEYS, keyProblem, suggestKey } from './field-key.ts';
import { FIELD_TYPES, type FieldDraft } from './field-list.ts';

/**
 * A field being drafted in a dialog: its key follows the label until typed, never one of `taken` (the
 * other fields' keys) nor of `reserved` (the item's own names); `problem` says why the server would
 * refuse the key.
 */
export function useFieldDraft(
  initial: () => FieldDraft,
  taken: readonly string[],
  reserved: ReadonlySet<string> = BUILT_IN_KEYS,
) {
  const [draft, setDraft] = useState<FieldDraft>(initial);
  const set = (change: Partial<FieldDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setLabel = (label: string) =>
    setDraft((d) => ({
      ...d,
      label,
      key: d.keyEdited ? d.key : label.trim() ? suggestKey(label, taken, reserved) : '',
    }));
  return { draft, set, setLabel, problem: keyProblem(draft.key.trim(), reserved) };
}

export type FieldDraftState = ReturnType<typeof useFieldDraft>;

/**
 * The inputs every typed field has — label, key, type, a list's options, required — for the CRM's
 * fields and a list's alike; `errors` are the server's for this field, by what they name.
 */
export function FieldInputs(props: {
  field: FieldDraftState;
  errors: Record<string, string>;
  /** What the required checkbox says ("Required for every lead"). */
  requiredLabel: string;
  /** What the key is for, where it is read; the CRM's words by default. */
  keyHint?: string;
}) {
  const { t } = useTranslation('crmFields');
  const { draft, set, setLabel, problem } = props.field;
  const { errors } = props;
  return (
    <>
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
        description={props.keyHint ?? t('form.keyHint')}
        required
        autoCapitalize="none"
        autoComplete="off"
        spellCheck={false}
        value={draft.key}
        onChange={(e) => set({ key: e.currentTarget.value, keyEdited: true })}
        error={problem === 'pattern' || problem === 'builtIn' ? t(`form.keyProblems.${problem}`) : errors.key}
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
        label={props.requiredLabel}
        checked={draft.required}
        onChange={(e) => set({ required: e.currentTarget.checked })}
        error={errors.required}
      />
    </>
  );
}

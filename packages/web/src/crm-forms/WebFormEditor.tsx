import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Input,
  Select,
  Stack,
  Switch,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { type FormField, useSaveWebForm, type WebForm } from '../api/crm-forms.ts';
import { useLeadPipelines } from '../api/crm-leads.ts';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { UserSelect } from '../crm/UserSelect.tsx';
import {
  type FieldDraft,
  FORM_FIELDS,
  type FormDraft,
  formBodyOf,
  formDraftOf,
  newFormDraft,
} from './form-draft.ts';

const SENT = ['name', 'title', 'fields', 'successText', 'pipelineId', 'responsibleId', 'active'];

/** The first message at `field` or under it (`fields.2.label`). */
const errorAt = (errors: Record<string, string>, field: string) =>
  Object.entries(errors).find(([path]) => path === field || path.startsWith(`${field}.`))?.[1];

/**
 * A web form's settings: its name (the leads' source), the heading and the details visitors fill, each
 * with its label and whether it is required, the thanks they read, the lead pipeline and manager.
 */
export function WebFormEditor({ form, onDone }: { form?: WebForm; onDone: () => void }) {
  const { t } = useTranslation('webForms');
  const me = useMe().data?.user.id ?? null;
  const pipelines = useLeadPipelines().data?.items ?? [];
  const save = useSaveWebForm();
  const labels = Object.fromEntries(FORM_FIELDS.map((f) => [f, t(`field.${f}`)])) as Record<
    FormField,
    string
  >;
  const [draft, setDraft] = useState<FormDraft>(() =>
    form
      ? formDraftOf(form, labels)
      : newFormDraft(
          { labels, title: t('defaults.title'), successText: t('defaults.successText') },
          null,
          me,
        ),
  );
  const pipelineId = draft.pipelineId ?? pipelines[0]?.id ?? null;
  const errors = fieldErrorsOf(save.error, SENT);
  const set = (change: Partial<FormDraft>) => setDraft({ ...draft, ...change });
  const setField = (field: FormField, change: Partial<FieldDraft>) =>
    set({ fields: { ...draft.fields, [field]: { ...draft.fields[field], ...change } } });

  return (
    <form
      aria-label={form ? t('editTitle', { name: form.name }) : t('newTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(
          { id: form?.id ?? null, body: formBodyOf({ ...draft, pipelineId }) },
          {
            onSuccess: (saved) => {
              notifications.show({ color: 'green', message: t('saved', { name: saved.name }) });
              onDone();
            },
          },
        );
      }}
    >
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('name')}
          description={t('nameHint')}
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
        />
        <TextInput
          label={t('heading')}
          required
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
        />
        <Fieldset legend={t('fieldsLegend')} p="sm">
          <Stack gap="xs">
            {FORM_FIELDS.map((field) => {
              const f = draft.fields[field];
              return (
                <Group key={field} gap="xs" align="center" wrap="wrap">
                  <Checkbox
                    label={labels[field]}
                    checked={f.asked}
                    onChange={(e) => setField(field, { asked: e.currentTarget.checked })}
                    w="8.5rem"
                  />
                  <TextInput
                    aria-label={t('labelOf', { field: labels[field] })}
                    value={f.label}
                    disabled={!f.asked}
                    onChange={(e) => setField(field, { label: e.currentTarget.value })}
                    style={{ flex: '1 1 10rem', minWidth: 0 }}
                  />
                  <Checkbox
                    label={t('required')}
                    aria-label={t('requiredOf', { field: labels[field] })}
                    checked={f.required}
                    disabled={!f.asked}
                    onChange={(e) => setField(field, { required: e.currentTarget.checked })}
                  />
                </Group>
              );
            })}
            {errorAt(errors, 'fields') && <Input.Error role="alert">{errorAt(errors, 'fields')}</Input.Error>}
          </Stack>
        </Fieldset>
        <Textarea
          label={t('successText')}
          required
          autosize
          minRows={2}
          value={draft.successText}
          onChange={(e) => set({ successText: e.currentTarget.value })}
          error={errors.successText}
        />
        <Select
          label={t('pipeline')}
          required
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={pipelineId}
          onChange={(id) => set({ pipelineId: id })}
          allowDeselect={false}
          error={errors.pipelineId ?? (pipelines.length === 0 ? t('noLeadPipelines') : undefined)}
        />
        <UserSelect
          label={t('responsible')}
          value={draft.responsibleId}
          onChange={(responsibleId) => set({ responsibleId })}
          error={errors.responsibleId}
        />
        <Switch
          label={t('activeSwitch')}
          checked={draft.active}
          onChange={(e) => set({ active: e.currentTarget.checked })}
        />
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {form ? t('common:actions.save') : t('create')}
        </Button>
      </Group>
    </form>
  );
}

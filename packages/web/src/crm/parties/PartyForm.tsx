import { Button, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../../api/crm-fields.ts';
import { type Parties, type PartyKind, useCreateParty, useUpdateParty } from '../../api/crm-parties.ts';
import { useUploading } from '../../api/process-files.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { CustomFields } from '../../crm-fields/CustomFields.tsx';
import { PartySelect } from '../PartySelect.tsx';
import { explained } from '../problems.ts';
import { UserSelect } from '../UserSelect.tsx';
import {
  type BuiltInDraft,
  FIELD_ENTITY,
  newPartyOf,
  PARTY_FIELDS,
  type PartyField,
  partyChangesOf,
  partyDraftOf,
} from './party-fields.ts';
import '../crm.css';

/**
 * Creates a contact or company (no `record`; in a dialog, with Cancel) or changes one (on its page):
 * the kind's fields, as PARTY_FIELDS lists them, then the company's own fields of the kind; the server's
 * refusals beside the fields; saving waits while a file field's file is on its way. `readOnly`: the
 * fields shown disabled, nothing to save.
 */
export function PartyForm<K extends PartyKind>(props: {
  kind: K;
  record?: Parties[K]['record'];
  preset?: BuiltInDraft;
  /** The name of a preset company (a new contact added on the company's page). */
  companyName?: string | null;
  onSaved?: (record: Parties[K]['record']) => void;
  onCancel?: () => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('crm');
  const { kind, record } = props;
  const fields = PARTY_FIELDS[kind];
  const [draft, setDraft] = useState(() => partyDraftOf(kind, record, props.preset));
  const create = useCreateParty(kind);
  const update = useUpdateParty(kind);
  const saving = record ? update : create;
  const uploading = useUploading();
  const definitions = useFields(FIELD_ENTITY[kind]).data?.items ?? [];
  const errors = fieldErrorsOf(saving.error, [...fields.map((f) => f.name), 'fields']);
  const set = (name: string, value: string | null) =>
    setDraft((d) => ({ ...d, builtIn: { ...d.builtIn, [name]: value } }));

  const saved = (stored: Parties[K]['record']) => {
    notifications.show({ color: 'green', message: t(`${kind}.saved`, { name: stored.name }) });
    setDraft(partyDraftOf(kind, stored));
    props.onSaved?.(stored);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!record) return create.mutate(newPartyOf(kind, draft), { onSuccess: saved });
    const changes = partyChangesOf(kind, record, draft);
    if (Object.keys(changes).length > 0) update.mutate({ id: record.id, changes }, { onSuccess: saved });
  };

  const input = (field: PartyField): ReactNode => {
    const common = { label: t(`fields.${field.name}`), error: errors[field.name] };
    const value = draft.builtIn[field.name] ?? null;
    switch (field.kind) {
      case 'company':
        return (
          <PartySelect
            kind="companies"
            {...common}
            value={value}
            name={
              (record as { companyName?: string | null } | undefined)?.companyName ??
              props.companyName ??
              null
            }
            onChange={(id) => set(field.name, id)}
          />
        );
      case 'user':
        return <UserSelect {...common} value={value} onChange={(id) => set(field.name, id)} />;
      case 'textarea':
        return (
          <Textarea
            {...common}
            autosize
            minRows={2}
            maxRows={10}
            value={value ?? ''}
            onChange={(e) => set(field.name, e.currentTarget.value)}
          />
        );
      case 'text':
      case 'tel':
      case 'email':
        return (
          <TextInput
            {...common}
            type={field.kind}
            required={field.required}
            value={value ?? ''}
            onChange={(e) => set(field.name, e.currentTarget.value)}
            data-autofocus={field.required && !record ? true : undefined}
          />
        );
    }
  };

  const short = fields.filter((f) => f.kind !== 'textarea');
  const long = fields.filter((f) => f.kind === 'textarea');
  const submitLabel = record ? t('common:actions.save') : t(`${kind}.create`);
  return (
    <form
      onSubmit={submit}
      aria-label={record ? t(`${kind}.formLabel`, { name: record.name }) : t(`${kind}.newTitle`)}
    >
      <FormProblem error={explained(saving.error, t)} shown={errors} />
      <Fieldset
        variant="unstyled"
        disabled={props.readOnly}
        className={props.readOnly ? 'crm-read-only' : undefined}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {short.map((f) => (
              <div key={f.name}>{input(f)}</div>
            ))}
          </SimpleGrid>
          <CustomFields
            definitions={definitions}
            values={draft.fields}
            onChange={(values) => setDraft((d) => ({ ...d, fields: values }))}
            error={saving.error}
            holder={record ? { kind: FIELD_ENTITY[kind], id: record.id } : undefined}
          />
          {long.map((f) => (
            <div key={f.name}>{input(f)}</div>
          ))}
        </Stack>
      </Fieldset>
      {props.readOnly ? null : props.onCancel ? (
        <FormButtons
          onCancel={props.onCancel}
          submitLabel={submitLabel}
          pending={saving.isPending}
          disabled={uploading}
        />
      ) : (
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={saving.isPending} disabled={uploading}>
            {submitLabel}
          </Button>
        </Group>
      )}
    </form>
  );
}

import type { Field } from '@baton/engine';
import { Checkbox, MultiSelect, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../api/org.ts';
import { localDateTimeInput } from '../i18n/local-time.ts';
import { FileFieldInput } from './FileFieldInput.tsx';

export interface FieldInputProps {
  field: Field;
  value: unknown;
  error?: string | undefined;
  onChange: (value: unknown) => void;
}

const asString = (value: unknown) => (typeof value === 'string' ? value : '');
const asStrings = (value: unknown) =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];

/** One declared field (a start parameter or a task field) as the input its type calls for. */
export function FieldInput({ field, value, error, onChange }: FieldInputProps) {
  const { t } = useTranslation('forms');
  const common = {
    label: field.name ?? field.id,
    description: field.description,
    required: field.required ?? false,
    error,
    name: field.id,
  };
  switch (field.type) {
    case 'string':
    case 'documentLink':
      return (
        <TextInput {...common} value={asString(value)} onChange={(e) => onChange(e.currentTarget.value)} />
      );
    case 'file':
      return <FileFieldInput {...common} value={value} onChange={onChange} />;
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          value={asString(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
    case 'money':
      return (
        <NumberInput
          {...common}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? undefined : Number(v))}
          decimalScale={field.type === 'money' ? 2 : undefined}
          inputMode="decimal"
        />
      );
    case 'boolean':
      return (
        <Checkbox
          label={common.label}
          description={common.description}
          error={error}
          name={field.id}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="date"
          value={asString(value)}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'datetime':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          value={localDateTimeInput(asString(value))}
          onChange={(e) =>
            onChange(e.currentTarget.value ? new Date(e.currentTarget.value).toISOString() : '')
          }
        />
      );
    case 'select':
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label ?? o.value }))}
          value={asString(value) || null}
          onChange={(v) => onChange(v ?? '')}
          placeholder={t('choose')}
          clearable={!field.required}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label ?? o.value }))}
          value={asStrings(value)}
          onChange={onChange}
          placeholder={t('choose')}
        />
      );
    case 'user':
    case 'users':
      return <UserField {...common} multiple={field.type === 'users'} value={value} onChange={onChange} />;
    case 'department':
      return <DepartmentField {...common} value={value} onChange={onChange} />;
    case 'json':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          ff="monospace"
          value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
          onChange={(e) => onChange(parseJson(e.currentTarget.value))}
        />
      );
  }
}

type Common = {
  label: string;
  description?: string | undefined;
  required: boolean;
  error?: string | undefined;
  name: string;
};

function UserField(props: Common & { multiple: boolean; value: unknown; onChange: (v: unknown) => void }) {
  const { t } = useTranslation('forms');
  const users = useUsers().data ?? [];
  const data = users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const { multiple, value, onChange, ...common } = props;
  return multiple ? (
    <MultiSelect
      {...common}
      data={data}
      searchable
      value={asStrings(value)}
      onChange={onChange}
      placeholder={t('choosePerson')}
    />
  ) : (
    <Select
      {...common}
      data={data}
      searchable
      value={asString(value) || null}
      onChange={(v) => onChange(v ?? '')}
      placeholder={t('choosePerson')}
    />
  );
}

function DepartmentField(props: Common & { value: unknown; onChange: (v: unknown) => void }) {
  const { t } = useTranslation('forms');
  const departments = useDepartments().data?.items ?? [];
  const { value, onChange, ...common } = props;
  return (
    <Select
      {...common}
      data={departments.map((d) => ({ value: d.id, label: d.name }))}
      searchable
      value={asString(value) || null}
      onChange={(v) => onChange(v ?? '')}
      placeholder={t('choose')}
    />
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

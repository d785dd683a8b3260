import { FIELD_TYPES, type Field } from '@baton/engine';
import {
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AddItemButton, RemoveItemButton } from './fields/ListButtons.tsx';
import { useFormEnv } from './form-env.tsx';

export type ListKey = 'parameters' | 'variables' | 'constants';
export type Item = Field & { value?: unknown };

/** Parameters asked at start, variables, constants: id, name, type, options, required, default or value. */
export function FieldsEditor({
  listKey,
  items,
  onChange,
}: {
  listKey: ListKey;
  items: Item[];
  onChange: (items: Item[]) => void;
}) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const setItem = (i: number, patch: Partial<Item>) =>
    onChange(
      items.map((x, j) => {
        if (j !== i) return x;
        const next: Record<string, unknown> = { ...x, ...patch };
        for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
        return next as Item;
      }),
    );
  const valueKey = listKey === 'constants' ? 'value' : 'default';
  return (
    <Stack gap={6}>
      {items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place (their id is being typed)
        <Paper key={i} withBorder p="xs" data-testid={`${listKey}-row`}>
          <Group gap={4} wrap="nowrap" align="flex-end">
            <TextInput
              label={t('settings.fieldId')}
              value={item.id}
              readOnly={env.readOnly}
              onChange={(e) => setItem(i, { id: e.currentTarget.value })}
              onBlur={env.seal}
              classNames={{ input: 'bn-code' }}
              style={{ flex: 1 }}
              data-testid={`${listKey}-id`}
            />
            <Select
              label={t('settings.fieldType')}
              data={FIELD_TYPES.map((ft) => ({
                value: ft,
                label: t(`fieldTypes.${ft}`, { defaultValue: ft }),
              }))}
              value={item.type}
              readOnly={env.readOnly}
              allowDeselect={false}
              onChange={(v) => v && setItem(i, { type: v as Field['type'], [valueKey]: undefined })}
              w={120}
              data-testid={`${listKey}-type`}
            />
            <RemoveItemButton mb={4} onRemove={() => onChange(items.filter((_, j) => j !== i))} />
          </Group>
          <TextInput
            mt={4}
            size="xs"
            label={t('settings.fieldName')}
            value={item.name ?? ''}
            readOnly={env.readOnly}
            onChange={(e) => setItem(i, { name: e.currentTarget.value || undefined })}
            onBlur={env.seal}
          />
          {(item.type === 'select' || item.type === 'multiselect') && (
            <TagsInput
              mt={4}
              size="xs"
              label={t('settings.options')}
              value={(item.options ?? []).map((o) => o.value)}
              readOnly={env.readOnly}
              onChange={(v) => setItem(i, { options: v.map((value) => ({ value })) })}
            />
          )}
          <Group gap="md" mt={4} align="flex-end">
            {listKey === 'parameters' && (
              <Checkbox
                size="xs"
                label={t('settings.required')}
                checked={item.required === true}
                disabled={env.readOnly}
                onChange={(e) => setItem(i, { required: e.currentTarget.checked || undefined })}
              />
            )}
            <ValueInput
              label={t(listKey === 'constants' ? 'settings.value' : 'settings.default')}
              type={item.type}
              value={item[valueKey]}
              onChange={(v) => setItem(i, { [valueKey]: v })}
            />
          </Group>
        </Paper>
      ))}
      <AddItemButton
        testId={`${listKey}-add`}
        onAdd={() => {
          let id = listKey === 'constants' ? 'constant' : listKey === 'variables' ? 'variable' : 'parameter';
          const base = id;
          for (let n = 1; items.some((x) => x.id === id); n++) id = `${base}${n}`;
          onChange([
            ...items,
            listKey === 'constants' ? { id, type: 'string', value: '' } : { id, type: 'string' },
          ]);
        }}
      />
      {items.length === 0 && (
        <Text size="xs" c="dimmed">
          {t(`settings.${listKey}Hint`)}
        </Text>
      )}
    </Stack>
  );
}

function ValueInput({
  label,
  type,
  value,
  onChange,
}: {
  label: string;
  type: Field['type'];
  value: unknown;
  onChange: (v: unknown) => void;
}) {
  const env = useFormEnv();
  if (type === 'boolean')
    return (
      <Switch
        size="xs"
        label={label}
        checked={value === true}
        disabled={env.readOnly}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  if (type === 'number' || type === 'money')
    return (
      <NumberInput
        size="xs"
        label={label}
        value={typeof value === 'number' ? value : ''}
        readOnly={env.readOnly}
        onChange={(v) => onChange(v === '' ? undefined : Number(v))}
        style={{ flex: 1 }}
      />
    );
  return (
    <TextInput
      size="xs"
      label={label}
      value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
      readOnly={env.readOnly}
      onChange={(e) => onChange(e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
      style={{ flex: 1 }}
    />
  );
}

import { FIELD_TYPES, type Field, type Problem } from '@baton/engine';
import {
  Accordion,
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type DefinitionRights, definitionsApi } from '../api.ts';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { targetOf } from '../model/problems.ts';
import { useFormEnv, useOrg } from './form-env.tsx';

type ListKey = 'parameters' | 'variables' | 'constants';
type Item = Field & { value?: unknown };

export interface SettingsPanelProps {
  doc: Doc;
  problems: readonly Problem[];
  run: (cmd: Command, mergeKey?: string) => void;
  /** The template exists on the server (its rights can be read and set). */
  stored: boolean;
}

/** Template settings, shown when nothing is selected: name, description, document type, data, rights. */
export function SettingsPanel({ doc, problems, run, stored }: SettingsPanelProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const own = problems.filter((p) => targetOf(p, doc).kind === 'settings');
  const set = (settings: Parameters<typeof setSettings>[0], field: string) =>
    run(setSettings(settings), `settings:${field}`);
  return (
    <Stack gap="sm" data-testid="settings-panel">
      <Title order={3} size="h5">
        {t('settings.title')}
      </Title>
      {own.map((p) => (
        <Alert key={`${p.path}${p.message}`} color={p.severity === 'error' ? 'red' : 'yellow'} p="xs">
          {p.path ? `${p.path}: ` : ''}
          {p.message}
        </Alert>
      ))}
      <TextInput
        label={t('settings.name')}
        required
        value={doc.name}
        readOnly={env.readOnly}
        onChange={(e) => set({ name: e.currentTarget.value }, 'name')}
        onBlur={env.seal}
        data-testid="settings-name"
      />
      <TextInput
        label={t('settings.key')}
        value={doc.key}
        readOnly
        description={t('settings.keyHint')}
        classNames={{ input: 'bn-code' }}
      />
      <Textarea
        label={t('settings.description')}
        autosize
        minRows={2}
        value={doc.description ?? ''}
        readOnly={env.readOnly}
        onChange={(e) => set({ description: e.currentTarget.value || undefined }, 'description')}
        onBlur={env.seal}
      />
      <Select
        label={t('settings.documentType')}
        description={t('settings.documentTypeHint')}
        data={['lead', 'deal', 'contact', 'company', 'quote'].map((v) => ({
          value: v,
          label: t(`settings.documentTypes.${v}`),
        }))}
        value={doc.documentType ?? null}
        clearable
        readOnly={env.readOnly}
        onChange={(v) => set({ documentType: v ?? undefined }, 'documentType')}
      />
      <Select
        label={t('settings.onAbsence')}
        data={['move', 'wait'].map((v) => ({ value: v, label: t(`settings.onAbsenceOptions.${v}`) }))}
        value={doc.options?.onAbsence ?? 'move'}
        readOnly={env.readOnly}
        allowDeselect={false}
        onChange={(v) =>
          set(
            { options: v === 'move' || !v ? undefined : { ...doc.options, onAbsence: v as 'wait' } },
            'options',
          )
        }
      />
      <Accordion multiple defaultValue={['parameters']} variant="separated">
        {(['parameters', 'variables', 'constants'] as const).map((key) => (
          <Accordion.Item value={key} key={key}>
            <Accordion.Control data-testid={`settings-${key}`}>
              {t(`settings.${key}`)} ({doc[key].length})
            </Accordion.Control>
            <Accordion.Panel>
              <FieldsEditor
                listKey={key}
                items={doc[key] as Item[]}
                onChange={(items) => set({ [key]: items }, key)}
              />
            </Accordion.Panel>
          </Accordion.Item>
        ))}
        {stored && (
          <Accordion.Item value="rights">
            <Accordion.Control>{t('settings.rights')}</Accordion.Control>
            <Accordion.Panel>
              <Rights templateKey={doc.key} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </Stack>
  );
}

function setSettings(settings: Extract<Command, { do: 'setSettings' }>['settings']): Command {
  return { do: 'setSettings', settings };
}

/** Parameters asked at start, variables, constants: id, name, type, options, required, default or value. */
function FieldsEditor({
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
            {!env.readOnly && (
              <ActionIcon
                variant="subtle"
                color="gray"
                mb={4}
                aria-label={t('actions.remove')}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
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
      {!env.readOnly && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          data-testid={`${listKey}-add`}
          onClick={() => {
            let id =
              listKey === 'constants' ? 'constant' : listKey === 'variables' ? 'variable' : 'parameter';
            const base = id;
            for (let n = 1; items.some((x) => x.id === id); n++) id = `${base}${n}`;
            onChange([
              ...items,
              listKey === 'constants' ? { id, type: 'string', value: '' } : { id, type: 'string' },
            ]);
          }}
        >
          {t('actions.add')}
        </Button>
      )}
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

/** Who may start, see and edit the template, when the server has template rights (else nothing is shown). */
function Rights({ templateKey }: { templateKey: string }) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const org = useOrg();
  const client = useQueryClient();
  const rights = useQuery({
    queryKey: ['designer', 'rights', templateKey],
    queryFn: () => definitionsApi.rights(templateKey),
    retry: false,
  });
  const save = useMutation({
    mutationFn: (next: Pick<DefinitionRights, 'start' | 'view' | 'edit'>) =>
      definitionsApi.setRights(templateKey, next),
    onSuccess: (data) => client.setQueryData(['designer', 'rights', templateKey], data),
  });
  if (rights.isError)
    return (
      <Text size="sm" c="dimmed">
        {t('settings.rightsUnavailable')}
      </Text>
    );
  if (!rights.data) return null;
  const subjects = [
    'everyone',
    ...org.roles.map((r) => `role:${r.name}`),
    ...org.groups.map((g) => `group:${g.name}`),
    ...org.departments.map((d) => `department:${d.id}`),
    ...org.users.map((u) => `user:${u.id}`),
  ];
  const data = rights.data;
  return (
    <Stack gap={6}>
      {(['start', 'view', 'edit'] as const).map((right) => (
        <TagsInput
          key={right}
          label={t(`settings.rightsOf.${right}`)}
          data={subjects}
          value={data[right]}
          readOnly={env.readOnly}
          onChange={(v) => save.mutate({ start: data.start, view: data.view, edit: data.edit, [right]: v })}
        />
      ))}
      {save.isError && (
        <Text size="xs" c="red">
          {String(save.error)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('settings.rightsHint')}
      </Text>
    </Stack>
  );
}

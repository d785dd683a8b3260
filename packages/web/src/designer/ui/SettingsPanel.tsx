import { type TemplateIcon as IconName, MAX_LABELS, type Problem, TEMPLATE_ICONS } from '@baton/engine';
import {
  Accordion,
  Alert,
  Group,
  NumberInput,
  Select,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_ICON_COMPONENTS, TemplateIcon } from '../../app/TemplateIcon.tsx';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { targetOf } from '../model/problems.ts';
import { FieldsEditor, type Item } from './FieldsEditor.tsx';
import { useFormEnv } from './form-env.tsx';
import { useListDocumentTypes } from './list-document-types.ts';
import { RightsEditor } from './RightsEditor.tsx';

export interface SettingsPanelProps {
  doc: Doc;
  problems: readonly Problem[];
  run: (cmd: Command, mergeKey?: string) => void;
  /** The template exists on the server (its rights can be read and set). */
  stored: boolean;
}

/**
 * Template settings, shown when nothing is selected: name, description, catalogue place, icon and labels,
 * document type, data, rights.
 */
export function SettingsPanel({ doc, problems, run, stored }: SettingsPanelProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const listTypes = useListDocumentTypes(doc.documentType);
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
      <Group grow align="flex-start">
        <NumberInput
          label={t('settings.sort')}
          description={t('settings.sortHint')}
          value={doc.sort ?? ''}
          allowDecimal={false}
          min={-1_000_000}
          max={1_000_000}
          readOnly={env.readOnly}
          onChange={(v) => set({ sort: typeof v === 'number' ? v : undefined }, 'sort')}
          onBlur={env.seal}
          data-testid="settings-sort"
        />
        <Select
          label={t('settings.icon')}
          description={t('settings.iconHint')}
          data={TEMPLATE_ICONS.map((v) => ({ value: v, label: t(`settings.icons.${v}`) }))}
          value={doc.icon ?? null}
          clearable
          searchable
          readOnly={env.readOnly}
          leftSection={<TemplateIcon icon={doc.icon} size="md" />}
          renderOption={({ option }) => <IconOption icon={option.value as IconName} label={option.label} />}
          onChange={(v) => set({ icon: (v as IconName | null) ?? undefined }, 'icon')}
          data-testid="settings-icon"
        />
      </Group>
      <TagsInput
        label={t('settings.labels')}
        description={t('settings.labelsHint')}
        value={doc.labels ?? []}
        maxTags={MAX_LABELS}
        readOnly={env.readOnly}
        onChange={(labels) => set({ labels: labels.length > 0 ? labels : undefined }, 'labels')}
        data-testid="settings-labels"
      />
      <Select
        label={t('settings.documentType')}
        description={t('settings.documentTypeHint')}
        data={[
          ...['lead', 'deal', 'contact', 'company', 'quote', 'file'].map((v) => ({
            value: v,
            label: t(`settings.documentTypes.${v}`),
          })),
          ...listTypes,
        ]}
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
              <RightsEditor templateKey={doc.key} />
            </Accordion.Panel>
          </Accordion.Item>
        )}
      </Accordion>
    </Stack>
  );
}

function IconOption({ icon, label }: { icon: IconName; label: string }) {
  const Picture = TEMPLATE_ICON_COMPONENTS[icon];
  return (
    <Group gap="xs" wrap="nowrap">
      <Picture size={16} aria-hidden />
      {label}
    </Group>
  );
}

function setSettings(settings: Extract<Command, { do: 'setSettings' }>['settings']): Command {
  return { do: 'setSettings', settings };
}

import type { Problem } from '@baton/engine';
import { Accordion, Alert, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { targetOf } from '../model/problems.ts';
import { FieldsEditor, type Item } from './FieldsEditor.tsx';
import { useFormEnv } from './form-env.tsx';
import { RightsEditor } from './RightsEditor.tsx';

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
              <RightsEditor templateKey={doc.key} />
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

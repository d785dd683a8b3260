import { Input, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type DocumentFormat,
  type DocumentTemplateSummary,
  usePreviewDocument,
} from '../../api/documents.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem } from '../../app/FormProblem.tsx';
import { saveFile } from '../../app/save-file.ts';

/**
 * Tries a template before a process uses it: a value for each placeholder, a format, and the document
 * made from them downloads.
 */
export function PreviewForm({ template, onDone }: { template: DocumentTemplateSummary; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [values, setValues] = useState<Record<string, string>>({});
  const [format, setFormat] = useState<DocumentFormat>(template.formats[0] ?? 'docx');
  const preview = usePreviewDocument();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = Object.fromEntries(template.placeholders.map((p) => [p, values[p] ?? '']));
    preview.mutate(
      { key: template.key, format, data },
      { onSuccess: (file) => saveFile(file.fileName ?? `${template.key}.${format}`, file.blob) },
    );
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={preview.error} />
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {template.placeholders.length > 0 ? t('documents.previewIntro') : t('documents.previewNone')}
        </Text>
        {template.placeholders.map((p, i) => (
          <TextInput
            key={p}
            label={p}
            ff="monospace"
            value={values[p] ?? ''}
            onChange={(e) => setValues({ ...values, [p]: e.currentTarget.value })}
            data-autofocus={i === 0 ? true : undefined}
          />
        ))}
        {template.formats.length > 1 && (
          <Input.Wrapper label={t('documents.format')}>
            <SegmentedControl
              display="flex"
              aria-label={t('documents.format')}
              data={template.formats.map((f) => ({ value: f, label: f.toUpperCase() }))}
              value={format}
              onChange={(value) => setFormat(value as DocumentFormat)}
            />
          </Input.Wrapper>
        )}
      </Stack>
      <FormButtons onCancel={onDone} submitLabel={t('documents.makeFile')} pending={preview.isPending} />
    </form>
  );
}

import { FileInput, Stack } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { docxProblem, nameOfFile, readAsBase64 } from './docx-file.ts';
import { type TemplateFormProps, TemplateNameFields, useTemplateName } from './TemplateNameFields.tsx';
import { useSaveTemplate } from './useSaveTemplate.ts';

const FIELDS = ['name', 'content'];

/** Uploads a DOCX file as a new template, or as a new file for an existing one (its key stays). */
export function DocxTemplateForm({ template, taken, onDone }: TemplateFormProps) {
  const { t } = useTranslation('admin');
  const draft = useTemplateName(template, taken);
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const save = useSaveTemplate(onDone);
  const errors = fieldErrorsOf(save.error, FIELDS);
  const problem = file ? docxProblem(file) : null;

  const choose = (chosen: File | null) => {
    setFile(chosen);
    save.reset(); // the last refusal was about the file before
    // A new template is named after its file until the name is typed.
    if (chosen && !draft.editing && draft.name === '') draft.setName(nameOfFile(chosen.name));
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || problem) return;
    setReading(true);
    const content = await readAsBase64(file).finally(() => setReading(false));
    save.mutate({ key: draft.key, body: { name: draft.name.trim(), kind: 'docx', content } });
  };

  return (
    <form onSubmit={submit}>
      {/* The server's reason a file does not parse (an unclosed tag) shows here. */}
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <FileInput
          label={t('documents.file')}
          description={t('documents.fileHint')}
          placeholder={t('documents.filePick')}
          required
          accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          leftSection={<IconFileUpload size={16} aria-hidden />}
          clearable
          value={file}
          onChange={choose}
          error={problem ? t(`documents.${problem}`) : errors.content}
        />
        <TemplateNameFields draft={draft} errors={errors} />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={t('documents.upload')}
        pending={reading || save.isPending}
        disabled={!file || problem !== null || !draft.name.trim() || draft.keyProblem !== null}
      />
    </form>
  );
}

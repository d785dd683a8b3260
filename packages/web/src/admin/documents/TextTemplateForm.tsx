import { Stack, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DocumentTemplateSummary, useDocumentTemplate } from '../../api/documents.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { type TemplateFormProps, TemplateNameFields, useTemplateName } from './TemplateNameFields.tsx';
import { useSaveTemplate } from './useSaveTemplate.ts';

const FIELDS = ['name', 'text'];

/** A new text template, or an existing one's name and text (read first: the list does not carry it). */
export function TextTemplateForm(props: TemplateFormProps) {
  if (!props.template) return <TextForm {...props} text="" />;
  return <ExistingTextForm {...props} template={props.template} />;
}

function ExistingTextForm(props: TemplateFormProps & { template: DocumentTemplateSummary }) {
  const stored = useDocumentTemplate(props.template.key);
  if (stored.isPending) return <Loading />;
  if (stored.isError) return <ErrorNotice error={stored.error} retry={() => stored.refetch()} />;
  return <TextForm {...props} text={stored.data.text ?? ''} />;
}

function TextForm({ template, taken, onDone, text: storedText }: TemplateFormProps & { text: string }) {
  const { t } = useTranslation('admin');
  const draft = useTemplateName(template, taken);
  const [text, setText] = useState(storedText);
  const save = useSaveTemplate(onDone);
  const errors = fieldErrorsOf(save.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ key: draft.key, body: { name: draft.name.trim(), kind: 'text', text } });
  };

  return (
    <form onSubmit={submit}>
      {/* The server's reason a text does not parse (an unclosed tag) shows here, above the text. */}
      <FormProblem error={save.error} shown={errors} />
      <Stack gap="sm">
        <TemplateNameFields draft={draft} errors={errors} />
        <Textarea
          label={t('documents.text')}
          description={t('documents.textHint')}
          required
          autosize
          minRows={8}
          maxRows={20}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={template ? t('common:actions.save') : t('documents.create')}
        pending={save.isPending}
        disabled={!draft.name.trim() || !text.trim() || draft.keyProblem !== null}
      />
    </form>
  );
}

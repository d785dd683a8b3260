import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTemplateSummary } from '../../api/documents.ts';
import { suggestKey, TEMPLATE_KEY } from './template-key.ts';

/** What a template form (text or DOCX) is given. */
export interface TemplateFormProps {
  /** The template to change; absent for a new one. */
  template?: DocumentTemplateSummary;
  /** Keys in use, which a new template may not take. */
  taken: readonly string[];
  onDone: () => void;
}

/**
 * A template's name and key as typed. A new one's key follows its name until edited and may not be a
 * key already taken (that would replace the other template); an existing one's key stays: processes
 * name it.
 */
export function useTemplateName(template: DocumentTemplateSummary | undefined, taken: readonly string[]) {
  const [name, setName] = useState(template?.name ?? '');
  const [typedKey, setKey] = useState<string | null>(null);
  const key = template?.key ?? typedKey ?? suggestKey(name, taken);
  const keyProblem =
    template || (typedKey === null && name === '')
      ? null
      : !TEMPLATE_KEY.test(key)
        ? 'keyInvalid'
        : taken.includes(key)
          ? 'keyTaken'
          : null;
  return { name, setName, key, setKey, keyProblem, editing: template !== undefined };
}

export type TemplateName = ReturnType<typeof useTemplateName>;

/** The name and key inputs of a template form; `errors` are the server's, by field. */
export function TemplateNameFields({
  draft,
  errors,
}: {
  draft: TemplateName;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('admin');
  return (
    <>
      <TextInput
        label={t('documents.name')}
        description={t('documents.nameHint')}
        required
        value={draft.name}
        onChange={(e) => draft.setName(e.currentTarget.value)}
        error={errors.name}
        data-autofocus
      />
      <TextInput
        label={t('documents.key')}
        description={t('documents.keyHint')}
        required
        disabled={draft.editing}
        autoCapitalize="none"
        spellCheck={false}
        value={draft.key}
        onChange={(e) => draft.setKey(e.currentTarget.value)}
        error={draft.keyProblem ? t(`documents.${draft.keyProblem}`) : errors.key}
      />
    </>
  );
}

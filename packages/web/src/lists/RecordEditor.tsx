import { Button, Fieldset, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ListField, type ListRecord, type RecordChanges, useUpdateRecord } from '../api/lists.ts';
import { useUploading } from '../api/process-files.ts';
import { FormCard } from '../app/FormCard.tsx';
import { FormProblem, fieldErrorsOf } from '../app/FormProblem.tsx';
import { ConflictNotice } from '../crm/deals/ConflictNotice.tsx';
import { type EditRules, useVersionedEditing } from '../crm/useVersionedEditing.ts';
import { explainedListProblem, listProblemCode } from './problems.ts';
import { RecordFields } from './RecordFields.tsx';
import { changesOf, draftOfRecord, type RecordDraft, rebase } from './record-draft.ts';
import '../crm/crm.css';

const RULES: EditRules<ListRecord, RecordDraft, RecordChanges> = {
  draftOf: draftOfRecord,
  changesOf,
  rebase,
  isConflict: (error) => listProblemCode(error) === 'VERSION_CONFLICT',
};

/**
 * A record's title and values on its page, saved at the version it was opened at (useVersionedEditing):
 * someone's change meanwhile is told, not overwritten; saving waits while a file field's file is on its
 * way. One the reader may not change shows disabled.
 */
export function RecordEditor(props: {
  fields: readonly ListField[];
  stored: ListRecord;
  reload: () => Promise<ListRecord | undefined>;
}) {
  const { t } = useTranslation('lists');
  const editing = useVersionedEditing(RULES, props, useUpdateRecord(), {
    savedMessage: (saved) => t('record.saved', { title: saved.title }),
  });
  const readOnly = !props.stored.editable;
  const uploading = useUploading();
  const errors = fieldErrorsOf(editing.error, ['title', 'values']);
  return (
    <FormCard
      aria-label={t('record.formLabel', { title: editing.base.title })}
      onSubmit={(event) => {
        event.preventDefault();
        editing.submit();
      }}
    >
      {editing.stale && <ConflictNotice refused={editing.conflict} onLoad={editing.loadNewer} ns="lists" />}
      <FormProblem error={explainedListProblem(editing.error, t)} shown={errors} />
      <Fieldset variant="unstyled" disabled={readOnly} className={readOnly ? 'crm-read-only' : undefined}>
        <RecordFields
          fields={props.fields}
          draft={editing.draft}
          onChange={editing.setDraft}
          error={editing.error}
          titleError={errors.title}
          recordId={props.stored.id}
        />
      </Fieldset>
      {!readOnly && (
        <Group justify="flex-end" mt="md">
          <Button type="submit" loading={editing.saving} disabled={uploading}>
            {t('common:actions.save')}
          </Button>
        </Group>
      )}
    </FormCard>
  );
}

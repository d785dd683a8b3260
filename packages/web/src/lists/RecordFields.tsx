import { Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FileHolder } from '../api/item-files.ts';
import type { ListField } from '../api/lists.ts';
import { CustomFields } from '../crm-fields/CustomFields.tsx';
import type { RecordDraft } from './record-draft.ts';

/**
 * A record's inputs: its title, then one input per field of its list by type (the CRM's field inputs),
 * required ones marked; the server's refusal beside each (`body.title`, `body.values.<key>`).
 */
export function RecordFields(props: {
  fields: readonly ListField[];
  draft: RecordDraft;
  onChange: (draft: RecordDraft) => void;
  error: unknown;
  titleError: string | undefined;
  /** The stored record's id, whose files name its file fields' values; none for a new record. */
  recordId?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('lists');
  const { draft } = props;
  const holder: FileHolder | undefined = props.recordId ? { kind: 'record', id: props.recordId } : undefined;
  return (
    <Stack gap="sm">
      <TextInput
        label={t('record.title')}
        required
        value={draft.title}
        onChange={(e) => props.onChange({ ...draft, title: e.currentTarget.value })}
        error={props.titleError}
        data-autofocus={props.autoFocus ? true : undefined}
      />
      <CustomFields
        definitions={props.fields}
        values={draft.values}
        onChange={(values) => props.onChange({ ...draft, values })}
        error={props.error}
        errorPath="body.values"
        holder={holder}
      />
    </Stack>
  );
}

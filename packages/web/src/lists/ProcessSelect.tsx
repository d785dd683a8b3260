import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useTemplatesFor } from '../api/definitions.ts';
import { listDocumentType } from './paths.ts';

/**
 * The process started about each new record of the list `listKey`: one of the published templates made
 * for its records, or none. A chosen template no longer offered stays shown, so saving does not drop it.
 */
export function ProcessSelect(props: {
  listKey: string;
  value: string | null;
  onChange: (key: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('lists');
  // A new list's key is being typed: ask for its templates once typing pauses.
  const [key] = useDebouncedValue(props.listKey.trim(), 300);
  const templates = useTemplatesFor(listDocumentType(key)).data?.items ?? [];
  const data = templates.map((d) => ({ value: d.key, label: d.name }));
  if (props.value && !data.some((d) => d.value === props.value))
    data.push({ value: props.value, label: props.value });
  return (
    <Select
      label={t('form.process')}
      description={t('form.processHint', { type: listDocumentType(key || '…') })}
      placeholder={t('form.noProcess')}
      data={data}
      value={props.value}
      onChange={props.onChange}
      clearable
      error={props.error}
      nothingFoundMessage={t('form.noTemplates')}
    />
  );
}

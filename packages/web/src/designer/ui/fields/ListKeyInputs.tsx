import { Autocomplete, type AutocompleteProps, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLists } from '../../../api/lists.ts';
import { RecordInput } from './ListInputs.tsx';

/**
 * The key of the list an Add list record step writes to, offered from the lists the designer's user reads
 * with their names; any other key may be typed (the list may come later, on another server).
 */
export function ListKeyInput(props: Omit<AutocompleteProps, 'data' | 'renderOption' | 'description'>) {
  const { t } = useTranslation('designer');
  const lists = useLists().data?.items ?? [];
  const names = new Map(lists.map((l) => [l.key, l.name]));
  return (
    <Autocomplete
      {...props}
      description={t('listKey.hint')}
      data={lists.map((l) => l.key)}
      renderOption={({ option }) => (
        <Stack gap={0}>
          <Text size="sm" ff="monospace">
            {option.value}
          </Text>
          <Text size="xs" c="dimmed">
            {names.get(option.value)}
          </Text>
        </Stack>
      )}
    />
  );
}

/** The record's values, field key → expression; the keys offered are the fields of the list `listKey`. */
export function ListValuesInput(props: {
  listKey: string;
  label: string;
  error?: string | undefined;
  value: Record<string, string>;
  onChange: (v: unknown) => void;
}) {
  const fields = useLists().data?.items.find((l) => l.key === props.listKey)?.fields ?? [];
  return (
    <RecordInput
      label={props.label}
      error={props.error}
      expression
      keyHint="listValues"
      keyNames={fields.map((f) => f.key)}
      value={props.value}
      onChange={props.onChange}
    />
  );
}

import { Autocomplete, type AutocompleteProps, Stack, Text } from '@mantine/core';
import { useDocumentTemplates } from '../../../api/documents.ts';

/**
 * A document template's key, offered from the server's templates with their names; any other key may be
 * typed too (the template may come later, or the list may not load where the designer runs).
 */
export function DocumentTemplateInput(props: Omit<AutocompleteProps, 'data' | 'renderOption'>) {
  const templates = useDocumentTemplates({ retry: false }).data?.items ?? [];
  const names = new Map(templates.map((t) => [t.key, t.name]));
  return (
    <Autocomplete
      {...props}
      data={templates.map((t) => t.key)}
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

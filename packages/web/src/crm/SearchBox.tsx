import { TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';

/** A list's search field: the full width on a phone, 20 rem from the xs breakpoint up. */
export function SearchBox(props: { label: string; value: string; onChange: (text: string) => void }) {
  return (
    <TextInput
      label={props.label}
      type="search"
      leftSection={<IconSearch size={16} aria-hidden />}
      value={props.value}
      onChange={(e) => props.onChange(e.currentTarget.value)}
      w={{ base: '100%', xs: '20rem' }}
    />
  );
}

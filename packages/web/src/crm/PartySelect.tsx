import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type PartyKind, usePartyList } from '../api/crm-parties.ts';

interface Option {
  value: string;
  label: string;
}

/** How many matches the dropdown offers; typing more of the name narrows them. */
const OFFERED = 20;

/**
 * Picks a contact or a company by name, searched on the server as one types (a company of thousands of
 * clients does not fit in one list); asks only once the dropdown opens. `name` is the chosen one's.
 */
export function PartySelect(props: {
  kind: PartyKind;
  label: string;
  value: string | null;
  name: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const [picked, setPicked] = useState<Option | null>(null);
  const current: Option | null = props.value
    ? picked?.value === props.value
      ? picked
      : { value: props.value, label: props.name ?? props.value }
    : null;
  const [search, setSearch] = useState(current?.label ?? '');
  const [opened, setOpened] = useState(false);
  // The chosen one's name in the box is not a search: the dropdown then offers the first records.
  const typed = search.trim() === current?.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const found = usePartyList(props.kind, { limit: OFFERED, ...(q ? { q } : {}) }, { enabled: opened });
  const options: Option[] = (found.data?.pages[0]?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  const data = current && !options.some((o) => o.value === current.value) ? [current, ...options] : options;

  return (
    <Select
      label={props.label}
      data={data}
      value={props.value}
      onChange={(value, option) => {
        setPicked(option ? { value: option.value, label: option.label } : null);
        props.onChange(value);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => setOpened(true)}
      // The server has filtered already; Mantine's own filter would hide a match on the phone or e-mail.
      filter={({ options: all }) => all}
      error={props.error}
    />
  );
}

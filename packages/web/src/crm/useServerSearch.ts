import type { ComboboxItem, SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A searchable select whose options the server finds as one types (thousands of clients or products
 * do not fit in one list). `value` is the chosen record's id and `name` its label, shown before any
 * search. Gives what to search for (`q`, debounced; '' while the box shows the chosen one's label),
 * whether the dropdown has opened (ask only then), and the Select's props for the options found.
 *
 * @example
 * const search = useServerSearch(props.value, props.name);
 * const found = usePartyList(kind, { q: search.q }, { enabled: search.opened });
 * return <Select label="Contact" {...search.selectProps(options, props.onChange)} />;
 */
export function useServerSearch(value: string | null, name: string | null) {
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  const current: ComboboxItem | null = value
    ? picked?.value === value
      ? picked
      : { value, label: name ?? value }
    : null;
  const [search, setSearch] = useState(current?.label ?? '');
  const [opened, setOpened] = useState(false);
  // The chosen one's label in the box is not a search: the dropdown then offers the first records.
  const typed = search.trim() === current?.label ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);

  const selectProps = (
    options: readonly ComboboxItem[],
    onChange: (id: string | null) => void,
  ): Partial<SelectProps> => ({
    data: current && !options.some((o) => o.value === current.value) ? [current, ...options] : [...options],
    value,
    onChange: (id, option) => {
      setPicked(option ? { value: option.value, label: option.label } : null);
      onChange(id);
    },
    searchable: true,
    clearable: true,
    searchValue: search,
    onSearchChange: setSearch,
    onDropdownOpen: () => setOpened(true),
    // The server has filtered already; Mantine's own filter would hide a match on a phone or an article.
    filter: ({ options: all }) => all,
  });
  return { q, opened, selectProps };
}

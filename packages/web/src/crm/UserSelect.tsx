import { Select } from '@mantine/core';
import { useUsers } from '../api/org.ts';

/**
 * Picks a colleague (the responsible one) by name; an inactive one stays shown while chosen. Someone is
 * always responsible, so a choice is changed, never cleared (none chosen yet: the server makes it me) —
 * unless `whenNone` says who is meant while none is chosen: then it shows so, and a choice may be cleared.
 */
export function UserSelect(props: {
  label: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
  whenNone?: string | undefined;
  withAsterisk?: boolean | undefined;
}) {
  const users = useUsers().data ?? [];
  const data = users
    .filter((u) => u.active || u.id === props.value)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select
      label={props.label}
      withAsterisk={props.withAsterisk}
      data={data}
      value={props.value}
      onChange={props.onChange}
      searchable
      placeholder={props.whenNone}
      clearable={props.whenNone !== undefined}
      allowDeselect={props.whenNone !== undefined}
      error={props.error}
    />
  );
}

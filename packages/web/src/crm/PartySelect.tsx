import { Select } from '@mantine/core';
import { type PartyKind, usePartyList } from '../api/crm-parties.ts';
import { useServerSearch } from './useServerSearch.ts';

/** How many matches the dropdown offers; typing more of the name narrows them. */
const OFFERED = 20;

/**
 * Picks a contact or a company by name, searched on the server as one types; asks only once the
 * dropdown opens. `name` is the chosen one's.
 */
export function PartySelect(props: {
  kind: PartyKind;
  label: string;
  value: string | null;
  name: string | null;
  onChange: (id: string | null) => void;
  error?: string | undefined;
}) {
  const search = useServerSearch(props.value, props.name);
  const { q } = search;
  const found = usePartyList(props.kind, { limit: OFFERED, ...(q ? { q } : {}) }, { enabled: search.opened });
  const options = (found.data?.pages[0]?.items ?? []).map((r) => ({ value: r.id, label: r.name }));
  return <Select label={props.label} error={props.error} {...search.selectProps(options, props.onChange)} />;
}

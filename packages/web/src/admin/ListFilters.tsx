import { useTranslation } from 'react-i18next';
import { useDefinitions } from '../api/definitions.ts';
import { useUsers } from '../api/org.ts';
import { FilterSelect } from '../app/FilterSelect.tsx';

type FilterProps = { value: string | null; onChange: (value: string | null) => void };

/** Filters an administration list by process template; the value is the template's key. */
export function ProcessFilter({ value, onChange }: FilterProps) {
  const { t } = useTranslation('admin');
  const definitions = useDefinitions().data?.items ?? [];
  return (
    <FilterSelect
      label={t('filters.process')}
      placeholder={t('filters.any')}
      data={definitions.map((d) => ({ value: d.key, label: d.name }))}
      value={value}
      onChange={onChange}
      searchable
    />
  );
}

/** Filters an administration list by a person (whose tasks, who started); the value is the user's id. */
export function PersonFilter({ label, value, onChange }: FilterProps & { label: string }) {
  const { t } = useTranslation('admin');
  const users = useUsers().data ?? [];
  return (
    <FilterSelect
      label={label}
      placeholder={t('filters.anyone')}
      data={users.map((u) => ({ value: u.id, label: u.name }))}
      value={value}
      onChange={onChange}
      searchable
    />
  );
}

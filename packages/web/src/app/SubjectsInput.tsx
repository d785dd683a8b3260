import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments, useGroups, useRoles, useUsers } from '../api/org.ts';
import { type SubjectNames, subjectOptions } from './subjects.ts';

/** The organisation's names of roles, groups, departments and active people; empty while unread. */
function useSubjectNames(): SubjectNames {
  const users = useUsers().data ?? [];
  const roles = useRoles().data?.items ?? [];
  const groups = useGroups().data?.items ?? [];
  const departments = useDepartments().data?.items ?? [];
  return {
    role: new Map(roles.map((r) => [r.name, r.title])),
    group: new Map(groups.map((g) => [g.name, g.title])),
    department: new Map(departments.map((d) => [d.id, d.name])),
    user: new Map(users.filter((u) => u.active).map((u) => [u.id, u.name])),
  };
}

/**
 * Who a right is given to (a template's, a list's): everyone, roles, groups, departments, people —
 * picked by name, kept as the server's subjects (`role:clerk`).
 *
 * @example
 * <SubjectsInput label="Who writes" value={rights.write} onChange={(write) => set({ write })} />
 */
export function SubjectsInput(props: {
  label: string;
  description?: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string | undefined;
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const names = useSubjectNames();
  return (
    <MultiSelect
      label={props.label}
      description={props.description}
      data={subjectOptions(names, props.value, t)}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      readOnly={props.readOnly}
      searchable
      hidePickedOptions
      nothingFoundMessage={t('subjects.nothingFound')}
    />
  );
}

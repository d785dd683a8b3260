import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { type OrgDepartment, type OrgNamed, type OrgUser, orgApi } from '../api.ts';
import type { Name } from '../model/names.ts';

/** What every property field needs besides its value: names to complete, the org, read-only, problems. */
export interface FormEnv {
  names: readonly Name[];
  /** Roles the template already uses (node roles, assignees): suggestions even without the org API. */
  knownRoles: readonly string[];
  /** Ids of the template's Create document steps: what an e-mail may attach. */
  documentSteps: readonly string[];
  readOnly: boolean;
  /** Ends a typing run (one undo step per field visit). */
  seal: () => void;
  /** The first problem compile reports at this config path of the selected node, if any. */
  problemAt: (path: readonly string[]) => string | undefined;
}

const Env = createContext<FormEnv>({
  names: [],
  knownRoles: [],
  documentSteps: [],
  readOnly: false,
  seal: () => {},
  problemAt: () => undefined,
});

export const FormEnvProvider = Env.Provider;
export const useFormEnv = () => useContext(Env);

export interface Org {
  users: OrgUser[];
  roles: OrgNamed[];
  groups: OrgNamed[];
  departments: OrgDepartment[];
}

/** The organisation from its API, when there is one and the user may read it; empty lists otherwise. */
export function useOrg(): Org {
  const opts = { staleTime: 5 * 60_000, retry: false } as const;
  const users = useQuery({ queryKey: ['designer', 'org', 'users'], queryFn: orgApi.users, ...opts });
  const roles = useQuery({ queryKey: ['designer', 'org', 'roles'], queryFn: orgApi.roles, ...opts });
  const groups = useQuery({ queryKey: ['designer', 'org', 'groups'], queryFn: orgApi.groups, ...opts });
  const departments = useQuery({
    queryKey: ['designer', 'org', 'departments'],
    queryFn: orgApi.departments,
    ...opts,
  });
  return {
    users: users.data ?? [],
    roles: roles.data ?? [],
    groups: groups.data ?? [],
    departments: departments.data ?? [],
  };
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Body, call } from './client.ts';
import { refresh } from './query-client.ts';

export type NewUser = Body<'POST /api/v1/users'>;
export type UserChanges = Body<'PATCH /api/v1/users/{id}'>;
export type NewDepartment = Body<'POST /api/v1/departments'>;
export type DepartmentChanges = Body<'PATCH /api/v1/departments/{id}'>;
export type NewRole = Body<'POST /api/v1/roles'>;
export type RoleChanges = Body<'PATCH /api/v1/roles/{name}'>;
export type NewGroup = Body<'POST /api/v1/groups'>;
export type GroupChanges = Body<'PATCH /api/v1/groups/{name}'>;

/**
 * A change to the organisation. Afterwards the directory is refetched, and so are tasks (a deactivated
 * user's tasks move) and the signed-in user (an administrator may have edited themselves).
 */
function useOrgMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => refresh(client, 'org', 'tasks', 'auth') });
}

export const useCreateUser = () => useOrgMutation((body: NewUser) => call('POST /api/v1/users', { body }));

export const useUpdateUser = () =>
  useOrgMutation(({ id, changes }: { id: string; changes: UserChanges }) =>
    call('PATCH /api/v1/users/{id}', { path: { id }, body: changes }),
  );

export const useResetPassword = () =>
  useOrgMutation(({ id, password }: { id: string; password: string }) =>
    call('POST /api/v1/users/{id}/password', { path: { id }, body: { password } }),
  );

export const useCreateDepartment = () =>
  useOrgMutation((body: NewDepartment) => call('POST /api/v1/departments', { body }));

export const useUpdateDepartment = () =>
  useOrgMutation(({ id, changes }: { id: string; changes: DepartmentChanges }) =>
    call('PATCH /api/v1/departments/{id}', { path: { id }, body: changes }),
  );

export const useDeleteDepartment = () =>
  useOrgMutation((id: string) => call('DELETE /api/v1/departments/{id}', { path: { id } }));

export const useCreateRole = () => useOrgMutation((body: NewRole) => call('POST /api/v1/roles', { body }));

export const useUpdateRole = () =>
  useOrgMutation(({ name, changes }: { name: string; changes: RoleChanges }) =>
    call('PATCH /api/v1/roles/{name}', { path: { name }, body: changes }),
  );

export const useDeleteRole = () =>
  useOrgMutation((name: string) => call('DELETE /api/v1/roles/{name}', { path: { name } }));

export const useCreateGroup = () => useOrgMutation((body: NewGroup) => call('POST /api/v1/groups', { body }));

export const useUpdateGroup = () =>
  useOrgMutation(({ name, changes }: { name: string; changes: GroupChanges }) =>
    call('PATCH /api/v1/groups/{name}', { path: { name }, body: changes }),
  );

export const useDeleteGroup = () =>
  useOrgMutation((name: string) => call('DELETE /api/v1/groups/{name}', { path: { name } }));

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDepartments, useRoles, useUsers } from '../../api/org.ts';
import { useDeleteRole } from '../../api/org-writes.ts';
import { NamedItemsTab } from '../NamedItemsTab.tsx';
import { RoleForm } from './RoleForm.tsx';

/** Roles work is assigned to (`role:<name>`), who holds each, and creating, retitling and removing them. */
export function RolesTab() {
  const { t } = useTranslation('admin');
  const roles = useRoles();
  const remove = useDeleteRole();
  const users = useUsers().data ?? [];
  const departmentName = new Map((useDepartments().data?.items ?? []).map((d) => [d.id, d.name]));
  const holders = (role: string) =>
    users.flatMap((u) =>
      u.active
        ? u.roles
            .filter((r) => r.role === role)
            .map((r) =>
              r.departmentId ? `${u.name} (${departmentName.get(r.departmentId) ?? r.departmentId})` : u.name,
            )
        : [],
    );

  return (
    <NamedItemsTab
      kind="role"
      items={roles}
      remove={remove}
      people={(role) => {
        const held = holders(role.name);
        return held.length > 0 ? t('roles.heldBy', { names: held.join(', ') }) : t('roles.nobody');
      }}
      badge={(role) =>
        role.builtin && (
          <Badge size="sm" variant="light" color="gray">
            {t('roles.builtin')}
          </Badge>
        )
      }
      removable={(role) => !role.builtin}
      consequence={(role) => t('roles.deleteText', { count: holders(role.name).length })}
      form={(role, onDone) => <RoleForm role={role} onDone={onDone} />}
    />
  );
}

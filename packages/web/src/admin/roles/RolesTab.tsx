import { ActionIcon, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useRoles, useUsers } from '../../api/org.ts';
import { useDeleteRole } from '../../api/org-writes.ts';
import type { Role } from '../../api/types.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { Empty, ErrorNotice, Loading } from '../../app/feedback.tsx';
import { RoleForm } from './RoleForm.tsx';

type Dialog = { kind: 'new' } | { kind: 'edit' | 'delete'; role: Role } | null;

/** Roles work is assigned to (`role:<name>`), who holds each, and creating, retitling and removing them. */
export function RolesTab() {
  const { t } = useTranslation('admin');
  const roles = useRoles();
  const users = useUsers().data ?? [];
  const departmentName = new Map((useDepartments().data?.items ?? []).map((d) => [d.id, d.name]));
  const remove = useDeleteRole();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    remove.reset();
    setDialog(null);
  };
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
    <>
      <Group justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
          {t('roles.new')}
        </Button>
      </Group>
      {roles.isPending ? (
        <Loading />
      ) : roles.isError ? (
        <ErrorNotice error={roles.error} />
      ) : roles.data.items.length === 0 ? (
        <Empty>{t('roles.empty')}</Empty>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('org.roles')}>
          {roles.data.items.map((role) => {
            const held = holders(role.name);
            return (
              <Paper key={role.name} withBorder p="sm" radius="md" component="li" aria-label={role.title}>
                <Group justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Text fw={600} className="wrap-anywhere">
                        {role.title}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace" className="wrap-anywhere">
                        role:{role.name}
                      </Text>
                      {role.builtin && (
                        <Badge size="sm" variant="light" color="gray">
                          {t('roles.builtin')}
                        </Badge>
                      )}
                    </Group>
                    {role.description && (
                      <Text size="sm" className="wrap-anywhere">
                        {role.description}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed" className="wrap-anywhere">
                      {held.length > 0 ? t('roles.heldBy', { names: held.join(', ') }) : t('roles.nobody')}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('roles.edit', { name: role.title })}
                      onClick={() => setDialog({ kind: 'edit', role })}
                    >
                      <IconPencil size={18} aria-hidden />
                    </ActionIcon>
                    {!role.builtin && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('roles.delete', { name: role.title })}
                        onClick={() => setDialog({ kind: 'delete', role })}
                      >
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit' ? t('roles.editTitle', { name: dialog.role.title }) : t('roles.newTitle')
        }
        size="md"
      >
        {dialog?.kind === 'new' && <RoleForm onDone={close} />}
        {dialog?.kind === 'edit' && <RoleForm key={dialog.role.name} role={dialog.role} onDone={close} />}
      </FormModal>
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('roles.deleteTitle', { name: dialog.role.title })}
          confirmLabel={t('roles.deleteConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(dialog.role.name, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('roles.deleted', { name: dialog.role.title }),
                });
                close();
              },
            })
          }
        >
          {t('roles.deleteText', { count: holders(dialog.role.name).length })}
        </ConfirmDialog>
      )}
    </>
  );
}

import { ActionIcon, Button, Group, Menu, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../../api/org.ts';
import { useDeleteDepartment } from '../../api/org-writes.ts';
import type { Department } from '../../api/types.ts';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { Empty, ErrorNotice, Loading } from '../../app/feedback.tsx';
import { DepartmentForm } from './DepartmentForm.tsx';
import { DepartmentTree } from './DepartmentTree.tsx';

type Dialog = { kind: 'new'; parentId?: string } | { kind: 'edit' | 'delete'; department: Department } | null;

/** The department tree: add a department (at the top or inside one), rename, move, set the head, remove. */
export function DepartmentsTab() {
  const { t } = useTranslation('admin');
  const departments = useDepartments();
  const users = useUsers();
  const remove = useDeleteDepartment();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => {
    remove.reset();
    setDialog(null);
  };

  const actions = (department: Department) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('departments.actions', { name: department.name })}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconPencil size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'edit', department })}
        >
          {t('departments.edit')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'new', parentId: department.id })}
        >
          {t('departments.addInside')}
        </Menu.Item>
        <Menu.Item
          color="red"
          leftSection={<IconTrash size={16} aria-hidden />}
          onClick={() => setDialog({ kind: 'delete', department })}
        >
          {t('departments.delete')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'new' })}>
          {t('departments.new')}
        </Button>
      </Group>
      {departments.isPending || users.isPending ? (
        <Loading />
      ) : departments.isError ? (
        <ErrorNotice error={departments.error} />
      ) : departments.data.items.length === 0 ? (
        <Empty>{t('org.noDepartments')}</Empty>
      ) : (
        <Paper withBorder p="md" radius="md">
          <DepartmentTree departments={departments.data.items} users={users.data ?? []} actions={actions} />
        </Paper>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit'
            ? t('departments.editTitle', { name: dialog.department.name })
            : t('departments.newTitle')
        }
        size="md"
      >
        {dialog?.kind === 'new' && <DepartmentForm parentId={dialog.parentId} onDone={close} />}
        {dialog?.kind === 'edit' && (
          <DepartmentForm key={dialog.department.id} department={dialog.department} onDone={close} />
        )}
      </FormModal>
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('departments.deleteTitle', { name: dialog.department.name })}
          confirmLabel={t('departments.delete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() =>
            remove.mutate(dialog.department.id, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('departments.deleted', { name: dialog.department.name }),
                });
                close();
              },
            })
          }
        >
          {t('departments.deleteText')}
        </ConfirmDialog>
      )}
    </>
  );
}

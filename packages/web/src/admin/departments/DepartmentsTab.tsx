import { Button, Group, Menu, Paper } from '@mantine/core';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../../api/org.ts';
import { useDeleteDepartment } from '../../api/org-writes.ts';
import type { Department } from '../../api/types.ts';
import { ActionsMenu } from '../../app/ActionsMenu.tsx';
import { Empty, ErrorNotice, Loading } from '../../app/feedback.tsx';
import { ItemDialogs, useItemDialog } from '../ItemDialogs.tsx';
import { DepartmentForm } from './DepartmentForm.tsx';
import { DepartmentTree } from './DepartmentTree.tsx';

/** The department tree: add a department (at the top or inside one), rename, move, set the head, remove. */
export function DepartmentsTab() {
  const { t } = useTranslation('admin');
  const departments = useDepartments();
  const users = useUsers();
  const remove = useDeleteDepartment();
  const { dialog, open, close } = useItemDialog<Department>(remove);

  const actions = (department: Department) => (
    <ActionsMenu label={t('departments.actions', { name: department.name })}>
      <Menu.Item
        leftSection={<IconPencil size={16} aria-hidden />}
        onClick={() => open({ kind: 'edit', item: department })}
      >
        {t('departments.edit')}
      </Menu.Item>
      <Menu.Item
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => open({ kind: 'new', parentId: department.id })}
      >
        {t('departments.addInside')}
      </Menu.Item>
      <Menu.Item
        color="red"
        leftSection={<IconTrash size={16} aria-hidden />}
        onClick={() => open({ kind: 'delete', item: department })}
      >
        {t('departments.delete')}
      </Menu.Item>
    </ActionsMenu>
  );

  return (
    <>
      <Group justify="flex-end" mb="md">
        <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => open({ kind: 'new' })}>
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
      <ItemDialogs
        dialog={dialog}
        close={close}
        texts="departments"
        label={(department) => department.name}
        idOf={(department) => department.id}
        form={({ item, parentId }) => <DepartmentForm department={item} parentId={parentId} onDone={close} />}
        remove={remove}
        confirmLabel={t('departments.delete')}
        consequence={() => t('departments.deleteText')}
      />
    </>
  );
}

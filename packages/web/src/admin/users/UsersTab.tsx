import { Button, Group, TextInput } from '@mantine/core';
import { IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../../api/org.ts';
import type { User } from '../../api/types.ts';
import { CardList } from '../../app/CardList.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { Empty, ErrorNotice, Loading } from '../../app/feedback.tsx';
import { ActivationDialog } from './ActivationDialog.tsx';
import { PasswordForm } from './PasswordForm.tsx';
import { UserForm } from './UserForm.tsx';
import { type UserAction, UserRow } from './UserRow.tsx';

type Dialog = { kind: 'new' } | { kind: UserAction; user: User } | null;

/** Employees: find, create, edit, set a password, deactivate or reactivate. */
export function UsersTab() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const departmentName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const needle = search.trim().toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) => !needle || u.name.toLowerCase().includes(needle) || u.login.toLowerCase().includes(needle),
  );

  return (
    <>
      <Group justify="space-between" align="flex-end" gap="sm" mb="md">
        <TextInput
          label={t('org.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', xs: 360 }}
        />
        <Button
          leftSection={<IconUserPlus size={18} aria-hidden />}
          onClick={() => setDialog({ kind: 'new' })}
        >
          {t('users.new')}
        </Button>
      </Group>
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <ErrorNotice error={users.error} retry={() => users.refetch()} />
      ) : shown.length === 0 ? (
        <Empty>{t('org.noUsers')}</Empty>
      ) : (
        <CardList aria-label={t('org.users')}>
          {shown.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              departmentName={(id) => departmentName.get(id) ?? id}
              userName={(id) => userName.get(id) ?? id}
              onAction={(kind) => setDialog({ kind, user: u })}
            />
          ))}
        </CardList>
      )}
      <FormModal
        opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
        onClose={close}
        title={
          dialog?.kind === 'edit' ? t('users.editTitle', { name: dialog.user.name }) : t('users.newTitle')
        }
      >
        {dialog?.kind === 'new' && <UserForm onDone={close} />}
        {dialog?.kind === 'edit' && <UserForm key={dialog.user.id} user={dialog.user} onDone={close} />}
      </FormModal>
      <FormModal
        opened={dialog?.kind === 'password'}
        onClose={close}
        title={dialog?.kind === 'password' ? t('users.passwordTitle', { name: dialog.user.name }) : ''}
        size="md"
      >
        {dialog?.kind === 'password' && <PasswordForm user={dialog.user} onDone={close} />}
      </FormModal>
      {dialog?.kind === 'activation' && <ActivationDialog user={dialog.user} onClose={close} />}
    </>
  );
}

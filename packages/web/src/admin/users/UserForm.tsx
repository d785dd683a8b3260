import { MultiSelect, PasswordInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useDepartments, useGroups, useRoles, useUsers } from '../../api/org.ts';
import { useCreateUser, useUpdateUser } from '../../api/org-writes.ts';
import type { User } from '../../api/types.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { departmentOptions } from '../departments/tree.ts';
import { RoleHoldingsInput } from './RoleHoldingsInput.tsx';
import { changesOf, draftOf, EMPTY_USER, newUserOf, type UserDraft } from './user-draft.ts';

const FIELDS = [
  'login',
  'name',
  'email',
  'phone',
  'password',
  'position',
  'departmentId',
  'managerId',
  'locale',
  'timeZone',
  'roles',
  'groups',
];
/** The languages the app speaks; a user's locale picks the language of what Baton sends them. */
const LOCALES = [
  { value: 'ru-RU', label: 'Русский (ru-RU)' },
  { value: 'en-US', label: 'English (en-US)' },
];
let zones: string[] | undefined;
const timeZones = () => {
  zones ??= Intl.supportedValuesOf('timeZone');
  return zones;
};

/** Creates a user (no `user`) or edits one; `onDone` runs after a successful save. */
export function UserForm({ user, onDone }: { user?: User; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<UserDraft>(() => (user ? draftOf(user) : EMPTY_USER));
  const users = useUsers().data ?? [];
  const departments = departmentOptions(useDepartments().data?.items ?? []);
  const roles = useRoles().data?.items ?? [];
  const groups = (useGroups().data?.items ?? []).map((g) => ({ value: g.name, label: g.title }));
  const create = useCreateUser();
  const update = useUpdateUser();
  const saving = user ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);
  if (saving.error instanceof ApiError && saving.error.code === 'LOGIN_TAKEN')
    errors.login = t('users.loginTaken', { login: draft.login.trim().toLowerCase() });
  const set = <K extends keyof UserDraft>(key: K, value: UserDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const text = (key: 'login' | 'name' | 'email' | 'phone' | 'position') => ({
    value: draft[key],
    onChange: (e: { currentTarget: { value: string } }) => set(key, e.currentTarget.value),
    error: errors[key],
  });
  const managers = users
    .filter((u) => u.active && u.id !== user?.id)
    .map((u) => ({ value: u.id, label: u.name }));
  const localeOptions =
    draft.locale && !LOCALES.some((l) => l.value === draft.locale)
      ? [...LOCALES, { value: draft.locale, label: draft.locale }]
      : LOCALES;

  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!user) {
      create.mutate(newUserOf(draft), { onSuccess: (u) => done(t('users.created', { name: u.name })) });
      return;
    }
    const changes = changesOf(user, draft);
    if (Object.keys(changes).length === 0) return onDone();
    update.mutate({ id: user.id, changes }, { onSuccess: (u) => done(t('users.saved', { name: u.name })) });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={user ? t('users.editTitle', { name: user.name }) : t('users.newTitle')}
    >
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('users.name')} required data-autofocus {...text('name')} />
          <TextInput
            label={t('users.login')}
            required
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            {...text('login')}
          />
          <TextInput label={t('users.email')} type="email" autoComplete="off" {...text('email')} />
          <TextInput label={t('users.phone')} type="tel" autoComplete="off" {...text('phone')} />
          {!user && (
            <PasswordInput
              label={t('users.password')}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              value={draft.password}
              onChange={(e) => set('password', e.currentTarget.value)}
              error={errors.password}
            />
          )}
          <TextInput label={t('users.position')} {...text('position')} />
          <Select
            label={t('users.department')}
            data={departments}
            value={draft.departmentId}
            onChange={(v) => set('departmentId', v)}
            searchable
            clearable
            error={errors.departmentId}
          />
          <Select
            label={t('users.manager')}
            description={t('users.managerHint')}
            placeholder={t('users.managerDefault')}
            data={managers}
            value={draft.managerId}
            onChange={(v) => set('managerId', v)}
            searchable
            clearable
            error={errors.managerId}
          />
          <Select
            label={t('users.locale')}
            placeholder={t('users.companyDefault')}
            data={localeOptions}
            value={draft.locale}
            onChange={(v) => set('locale', v)}
            clearable
            error={errors.locale}
          />
          <Select
            label={t('users.timeZone')}
            placeholder={t('users.companyDefault')}
            data={timeZones()}
            value={draft.timeZone}
            onChange={(v) => set('timeZone', v)}
            searchable
            clearable
            limit={50}
            error={errors.timeZone}
          />
          <MultiSelect
            label={t('users.groups')}
            data={groups}
            value={draft.groups}
            onChange={(v) => set('groups', v)}
            searchable
            clearable
            error={Object.entries(errors).find(([k]) => k.startsWith('groups'))?.[1]}
          />
        </SimpleGrid>
        <RoleHoldingsInput
          value={draft.roles}
          onChange={(v) => set('roles', v)}
          roles={roles}
          departments={departments}
          errors={errors}
        />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={user ? t('common:actions.save') : t('users.create')}
        pending={saving.isPending}
      />
    </form>
  );
}

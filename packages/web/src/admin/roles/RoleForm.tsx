import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RoleChanges, useCreateRole, useUpdateRole } from '../../api/org-writes.ts';
import type { Role } from '../../api/types.ts';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';

const FIELDS = ['name', 'title', 'description'];

/** Creates a role or changes its title and description; the name is what processes refer to, so it stays. */
export function RoleForm({ role, onDone }: { role?: Role; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(role?.name ?? '');
  const [title, setTitle] = useState(role?.title ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const create = useCreateRole();
  const update = useUpdateRole();
  const saving = role ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);

  const done = (saved: Role) => {
    notifications.show({ color: 'green', message: t('roles.saved', { name: saved.title }) });
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = description.trim() || null;
    if (!role) {
      create.mutate(
        { name: name.trim(), ...(title.trim() ? { title: title.trim() } : {}), description: text },
        { onSuccess: done },
      );
      return;
    }
    const changes: RoleChanges = {};
    if (title.trim() && title.trim() !== role.title) changes.title = title.trim();
    if (text !== role.description) changes.description = text;
    update.mutate({ name: role.name, changes }, { onSuccess: done });
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('roles.name')}
          description={t('roles.nameHint')}
          required
          disabled={role !== undefined}
          autoCapitalize="none"
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus={role ? undefined : true}
        />
        <TextInput
          label={t('roles.title')}
          description={role ? undefined : t('roles.titleHint')}
          required={role !== undefined}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus={role ? true : undefined}
        />
        <Textarea
          label={t('roles.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
      </Stack>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" loading={saving.isPending} disabled={!name.trim()}>
          {role ? t('common:actions.save') : t('roles.create')}
        </Button>
      </Group>
    </form>
  );
}

import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateRole, useUpdateRole } from '../../api/org-writes.ts';
import type { Role } from '../../api/types.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { NamedItemFields, useNamedItemDraft } from '../NamedItemFields.tsx';

const FIELDS = ['name', 'title', 'description'];

/** Creates a role or changes its title and description; the name is what processes refer to, so it stays. */
export function RoleForm({ role, onDone }: { role?: Role; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const draft = useNamedItemDraft(role);
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
    if (role) update.mutate({ name: role.name, changes: draft.changes(role) }, { onSuccess: done });
    else create.mutate(draft.created, { onSuccess: done });
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <NamedItemFields kind="role" draft={draft} editing={role !== undefined} errors={errors} />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={role ? t('common:actions.save') : t('roles.create')}
        pending={saving.isPending}
        disabled={!draft.name.trim()}
      />
    </form>
  );
}

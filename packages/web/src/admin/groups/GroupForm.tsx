import { MultiSelect, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/org.ts';
import { type GroupChanges, useCreateGroup, useUpdateGroup } from '../../api/org-writes.ts';
import type { Group } from '../../api/types.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { NamedItemFields, useNamedItemDraft } from '../NamedItemFields.tsx';

const FIELDS = ['name', 'title', 'description', 'members'];
const sameMembers = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join('\n') === [...b].sort().join('\n');

/** Creates a group or changes its title, description and members (the name stays: processes use it). */
export function GroupForm({ group, onDone }: { group?: Group; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const draft = useNamedItemDraft(group);
  const [members, setMembers] = useState<string[]>(group?.members ?? []);
  const users = (useUsers().data ?? [])
    .filter((u) => u.active || members.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const saving = group ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);

  const done = (saved: Group) => {
    notifications.show({ color: 'green', message: t('groups.saved', { name: saved.title }) });
    onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!group) {
      create.mutate({ ...draft.created, members }, { onSuccess: done });
      return;
    }
    const changes: GroupChanges = draft.changes(group);
    if (!sameMembers(members, group.members)) changes.members = members;
    update.mutate({ name: group.name, changes }, { onSuccess: done });
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <NamedItemFields kind="group" draft={draft} editing={group !== undefined} errors={errors} />
        <MultiSelect
          label={t('groups.members')}
          data={users}
          value={members}
          onChange={setMembers}
          searchable
          clearable
          error={Object.entries(errors).find(([k]) => k.startsWith('members'))?.[1]}
        />
      </Stack>
      <FormButtons
        onCancel={onDone}
        submitLabel={group ? t('common:actions.save') : t('groups.create')}
        pending={saving.isPending}
        disabled={!draft.name.trim()}
      />
    </form>
  );
}

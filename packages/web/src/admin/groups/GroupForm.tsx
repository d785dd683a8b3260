import { Button, MultiSelect, Group as Row, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/org.ts';
import { type GroupChanges, useCreateGroup, useUpdateGroup } from '../../api/org-writes.ts';
import type { Group } from '../../api/types.ts';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';

const FIELDS = ['name', 'title', 'description', 'members'];
const sameMembers = (a: readonly string[], b: readonly string[]) =>
  [...a].sort().join('\n') === [...b].sort().join('\n');

/** Creates a group or changes its title, description and members (the name stays: processes use it). */
export function GroupForm({ group, onDone }: { group?: Group; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const [name, setName] = useState(group?.name ?? '');
  const [title, setTitle] = useState(group?.title ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
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
    const text = description.trim() || null;
    if (!group) {
      create.mutate(
        { name: name.trim(), ...(title.trim() ? { title: title.trim() } : {}), description: text, members },
        { onSuccess: done },
      );
      return;
    }
    const changes: GroupChanges = {};
    if (title.trim() && title.trim() !== group.title) changes.title = title.trim();
    if (text !== group.description) changes.description = text;
    if (!sameMembers(members, group.members)) changes.members = members;
    update.mutate({ name: group.name, changes }, { onSuccess: done });
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('groups.name')}
          description={t('groups.nameHint')}
          required
          disabled={group !== undefined}
          autoCapitalize="none"
          spellCheck={false}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus={group ? undefined : true}
        />
        <TextInput
          label={t('groups.title')}
          description={group ? undefined : t('groups.titleHint')}
          required={group !== undefined}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
        />
        <Textarea
          label={t('groups.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={errors.description}
        />
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
      <Row justify="flex-end" mt="md">
        <Button variant="default" onClick={onDone}>
          {t('common:actions.cancel')}
        </Button>
        <Button type="submit" loading={saving.isPending} disabled={!name.trim()}>
          {group ? t('common:actions.save') : t('groups.create')}
        </Button>
      </Row>
    </form>
  );
}

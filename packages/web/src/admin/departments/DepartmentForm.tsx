import { Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../../api/org.ts';
import { type DepartmentChanges, useCreateDepartment, useUpdateDepartment } from '../../api/org-writes.ts';
import type { Department } from '../../api/types.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { departmentOptions } from './tree.ts';

const FIELDS = ['name', 'parentId', 'headId'];

/**
 * Creates a department (no `department`) or renames, moves or re-heads one. Departments inside it are
 * offered as parents too: the server refuses the cycle and says why, beside the field.
 */
export function DepartmentForm(props: { department?: Department; parentId?: string; onDone: () => void }) {
  const { t } = useTranslation('admin');
  const d = props.department;
  const [name, setName] = useState(d?.name ?? '');
  const [parentId, setParentId] = useState<string | null>(d ? d.parentId : (props.parentId ?? null));
  const [headId, setHeadId] = useState<string | null>(d?.headId ?? null);
  const parents = departmentOptions(useDepartments().data?.items ?? []).filter((o) => o.value !== d?.id);
  const heads = (useUsers().data ?? [])
    .filter((u) => u.active || u.id === headId)
    .map((u) => ({ value: u.id, label: u.name }));
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const saving = d ? update : create;
  const errors = fieldErrorsOf(saving.error, FIELDS);

  const done = (message: string) => {
    notifications.show({ color: 'green', message });
    props.onDone();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!d) {
      create.mutate(
        { name: name.trim(), ...(parentId ? { parentId } : {}), ...(headId ? { headId } : {}) },
        { onSuccess: (saved) => done(t('departments.created', { name: saved.name })) },
      );
      return;
    }
    const changes: DepartmentChanges = {};
    if (name.trim() !== d.name) changes.name = name.trim();
    if (parentId !== d.parentId) changes.parentId = parentId;
    if (headId !== d.headId) changes.headId = headId;
    if (Object.keys(changes).length === 0) return props.onDone();
    update.mutate(
      { id: d.id, changes },
      { onSuccess: (saved) => done(t('departments.saved', { name: saved.name })) },
    );
  };

  return (
    <form onSubmit={submit}>
      <FormProblem error={saving.error} shown={errors} />
      <Stack gap="sm">
        <TextInput
          label={t('departments.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
        />
        <Select
          label={t('departments.parent')}
          placeholder={t('departments.topLevel')}
          data={parents}
          value={parentId}
          onChange={setParentId}
          searchable
          clearable
          error={errors.parentId}
        />
        <Select
          label={t('departments.head')}
          placeholder={t('org.noHead')}
          data={heads}
          value={headId}
          onChange={setHeadId}
          searchable
          clearable
          error={errors.headId}
        />
      </Stack>
      <FormButtons
        onCancel={props.onDone}
        submitLabel={d ? t('common:actions.save') : t('departments.create')}
        pending={saving.isPending}
        disabled={!name.trim()}
      />
    </form>
  );
}

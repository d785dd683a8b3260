import { ActionIcon, Autocomplete, Button, Group, Input, Menu, Pill, Stack } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Assignee, type AssigneeKind, readAssignee, writeAssignee } from '../../model/assignees.ts';
import { type Org, useFormEnv, useOrg } from '../form-env.tsx';
import { ExpressionInput } from './ExpressionInput.tsx';

const KINDS: AssigneeKind[] = [
  'user',
  'role',
  'department',
  'group',
  'headOfStarter',
  'headOf',
  'document',
  'expression',
];

/** Suggestions for a kind: from the org API when it answers, else what the template already uses. */
function suggestions(kind: AssigneeKind, org: Org, knownRoles: readonly string[], docFields: string[]) {
  if (kind === 'user') return org.users.map((u) => ({ value: u.login, label: `${u.name} (${u.login})` }));
  if (kind === 'role') {
    const names = new Set([...org.roles.map((r) => r.name), ...knownRoles]);
    return [...names].map((n) => ({ value: n, label: org.roles.find((r) => r.name === n)?.title ?? n }));
  }
  if (kind === 'group') return org.groups.map((g) => ({ value: g.name, label: g.title }));
  if (kind === 'department') return org.departments.map((d) => ({ value: d.id, label: d.name }));
  if (kind === 'document') return docFields.map((f) => ({ value: f.slice('document.'.length), label: f }));
  if (kind === 'headOf') return org.users.map((u) => ({ value: u.login, label: `${u.name} (${u.login})` }));
  return [];
}

export function assigneeLabel(
  a: Assignee,
  org: Org,
  t: (key: string, o?: Record<string, unknown>) => string,
): string {
  const user = (id: string) => org.users.find((u) => u.login === id || u.id === id)?.name ?? id;
  if (a.kind === 'user') return user(a.value);
  if (a.kind === 'role') {
    const title = org.roles.find((r) => r.name === a.value)?.title ?? a.value;
    const dept = a.department
      ? (org.departments.find((d) => d.id === a.department)?.name ?? a.department)
      : null;
    return dept
      ? t('assignee.roleIn', { role: title, department: dept })
      : t('assignee.roleLabel', { role: title });
  }
  if (a.kind === 'group')
    return t('assignee.groupLabel', { group: org.groups.find((g) => g.name === a.value)?.title ?? a.value });
  if (a.kind === 'department')
    return t('assignee.departmentLabel', {
      department: org.departments.find((d) => d.id === a.value)?.name ?? a.value,
    });
  if (a.kind === 'headOfStarter') return t('assignee.headOfStarter');
  if (a.kind === 'headOf')
    return t('assignee.headOfLabel', { who: a.value.startsWith('document.') ? a.value : user(a.value) });
  if (a.kind === 'document') return `document.${a.value}`;
  return a.value;
}

export interface AssigneePickerProps {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  error?: string | undefined;
  required?: boolean;
}

/**
 * Who gets the task (or the message): users, roles, departments' heads, groups, the starter's head, a
 * document field, or any expression — each kept as the CEL the engine evaluates, shown by meaning.
 */
export function AssigneePicker({ value, onChange, label, error, required }: AssigneePickerProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const org = useOrg();
  const [adding, setAdding] = useState<AssigneeKind | null>(null);
  const [text, setText] = useState('');
  const docFields = env.names.filter((n) => n.source === 'document').map((n) => n.name);

  const add = (a: Assignee) => {
    onChange([...value, writeAssignee(a)]);
    setAdding(null);
    setText('');
    env.seal();
  };
  const choose = (kind: AssigneeKind) => {
    if (kind === 'headOfStarter') add({ kind, value: 'starter' });
    else {
      setAdding(kind);
      setText('');
    }
  };
  const submit = () => {
    if (!adding || text.trim() === '') return;
    const v = text.trim();
    add(
      adding === 'headOf' && v.startsWith('document.')
        ? { kind: 'headOf', value: v }
        : { kind: adding, value: v },
    );
  };

  return (
    <Input.Wrapper label={label} error={error} required={required}>
      <Stack gap={6}>
        {value.length > 0 && (
          <Pill.Group>
            {value.map((expression, i) => (
              <Pill
                // Assignees may repeat while being edited; position is their identity here.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                withRemoveButton={!env.readOnly}
                onRemove={() => onChange(value.filter((_, j) => j !== i))}
                title={expression}
                data-testid="assignee"
              >
                {assigneeLabel(readAssignee(expression), org, t)}
              </Pill>
            ))}
          </Pill.Group>
        )}
        {adding === 'expression' ? (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <div style={{ flex: 1 }}>
              <ExpressionInput
                mode="expression"
                value={text}
                onChange={setText}
                names={env.names}
                aria-label={t('assignee.kinds.expression')}
                placeholder="'role:' + document.department"
              />
            </div>
            <AddOrCancel onAdd={submit} onCancel={() => setAdding(null)} />
          </Group>
        ) : adding ? (
          <Group gap={4} wrap="nowrap">
            <Autocomplete
              style={{ flex: 1 }}
              size="xs"
              autoFocus
              aria-label={t(`assignee.kinds.${adding}`)}
              placeholder={t(`assignee.placeholders.${adding}`)}
              data={suggestions(adding, org, env.knownRoles, docFields)}
              value={text}
              onChange={setText}
              onOptionSubmit={(v) => add({ kind: adding, value: v })}
              onKeyDown={(e) => {
                if (e.key === 'Enter') submit();
                if (e.key === 'Escape') setAdding(null);
              }}
              data-testid="assignee-input"
            />
            <AddOrCancel onAdd={submit} onCancel={() => setAdding(null)} testId="assignee-add" />
          </Group>
        ) : (
          !env.readOnly && (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} />}
                  data-testid="assignee-menu"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('assignee.add')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {KINDS.map((k) => (
                  <Menu.Item key={k} onClick={() => choose(k)} data-testid={`assignee-kind-${k}`}>
                    {t(`assignee.kinds.${k}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )
        )}
      </Stack>
    </Input.Wrapper>
  );
}

/** The add and cancel buttons after an assignee being typed. */
function AddOrCancel({
  onAdd,
  onCancel,
  testId,
}: {
  onAdd: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useTranslation('designer');
  return (
    <>
      <Button size="xs" onClick={onAdd} data-testid={testId}>
        {t('actions.add')}
      </Button>
      <ActionIcon variant="subtle" color="gray" onClick={onCancel} aria-label={t('actions.cancel')}>
        <IconX size={14} />
      </ActionIcon>
    </>
  );
}

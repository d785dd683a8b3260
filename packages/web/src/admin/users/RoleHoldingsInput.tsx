import { ActionIcon, Fieldset, Group, Select, Stack, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../api/types.ts';
import type { RoleHoldingDraft } from './user-draft.ts';

/** The picker's value for "company-wide": department ids never contain `*`. */
const COMPANY = '*';

/**
 * The roles a user holds, each company-wide or in one department; `errors` are the server's, keyed
 * `roles.<index>.<field>`. Built-in roles are held company-wide only.
 */
export function RoleHoldingsInput(props: {
  value: RoleHoldingDraft[];
  onChange: (value: RoleHoldingDraft[]) => void;
  roles: readonly Role[];
  departments: readonly { value: string; label: string }[];
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('admin');
  const [search, setSearch] = useState('');
  const role = new Map(props.roles.map((r) => [r.name, r]));
  const titleOf = (name: string) => role.get(name)?.title ?? name;
  const heldCompanyWide = new Set(props.value.filter((h) => h.departmentId === null).map((h) => h.role));
  const change = (index: number, departmentId: string | null) =>
    props.onChange(props.value.map((h, i) => (i === index ? { ...h, departmentId } : h)));

  return (
    <Fieldset legend={t('users.roles')} variant="filled" p="sm">
      <Stack gap="xs">
        {props.value.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('users.noRoles')}
          </Text>
        )}
        {props.value.map((h, i) => {
          // Another holding of the same role in a department already: that department is not offered again.
          const taken = new Set(
            props.value.filter((o, j) => j !== i && o.role === h.role).map((o) => o.departmentId ?? COMPANY),
          );
          return (
            <Group key={`${h.role}\n${h.departmentId ?? COMPANY}`} gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={500} className="wrap-anywhere">
                  {titleOf(h.role)}
                </Text>
                <Select
                  aria-label={t('users.heldIn', { role: titleOf(h.role) })}
                  data={[{ value: COMPANY, label: t('users.companyWide') }, ...props.departments].filter(
                    (o) => !taken.has(o.value),
                  )}
                  value={h.departmentId ?? COMPANY}
                  onChange={(v) => change(i, v === null || v === COMPANY ? null : v)}
                  allowDeselect={false}
                  disabled={role.get(h.role)?.builtin ?? false}
                  searchable
                  error={props.errors[`roles.${i}.departmentId`] ?? props.errors[`roles.${i}.role`]}
                />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                mt={24}
                aria-label={t('users.removeRole', { role: titleOf(h.role) })}
                onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}
              >
                <IconX size={16} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
        <Select
          label={t('users.addRole')}
          placeholder={t('users.pickRole')}
          data={props.roles
            .filter((r) => !heldCompanyWide.has(r.name))
            .map((r) => ({ value: r.name, label: r.title === r.name ? r.name : `${r.title} (${r.name})` }))}
          value={null}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          onChange={(name) => {
            if (!name) return;
            setSearch('');
            props.onChange([...props.value, { role: name, departmentId: null }]);
          }}
          nothingFoundMessage={t('users.noMoreRoles')}
        />
      </Stack>
    </Fieldset>
  );
}

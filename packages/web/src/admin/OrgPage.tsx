import { Badge, Group, Paper, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, useUsers } from '../api/org.ts';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { Absences } from './Absences.tsx';
import { DepartmentTree } from './DepartmentTree.tsx';

/** The organisation as the server knows it: users and the department tree. */
export function OrgPage() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const departments = useDepartments();
  const [search, setSearch] = useState('');
  const departmentName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));
  const userName = new Map((users.data ?? []).map((u) => [u.id, u.name]));
  const needle = search.trim().toLowerCase();
  const shown = (users.data ?? []).filter(
    (u) => !needle || u.name.toLowerCase().includes(needle) || u.login.toLowerCase().includes(needle),
  );

  return (
    <>
      <PageHeader title={t('org.title')} subtitle={t('org.subtitle')} />
      <Tabs defaultValue="users" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="users">{t('org.users')}</Tabs.Tab>
          <Tabs.Tab value="departments">{t('org.departments')}</Tabs.Tab>
          <Tabs.Tab value="absences">{t('org.absences')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <TextInput
            label={t('org.search')}
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            maw={360}
            mb="md"
          />
          {users.isPending ? (
            <Loading />
          ) : users.isError ? (
            <ErrorNotice error={users.error} retry={() => users.refetch()} />
          ) : shown.length === 0 ? (
            <Empty>{t('org.noUsers')}</Empty>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {shown.map((u) => (
                <Paper key={u.id} withBorder p="sm" radius="md" component="li">
                  <Group justify="space-between" gap="xs" align="flex-start">
                    <div style={{ minWidth: 0 }}>
                      <Text fw={600} className="wrap-anywhere">
                        {u.name}
                      </Text>
                      <Text size="xs" c="dimmed" className="wrap-anywhere">
                        {[u.login, u.position, u.departmentId ? departmentName.get(u.departmentId) : null]
                          .filter(Boolean)
                          .join(' · ')}
                      </Text>
                      {u.headId && (
                        <Text size="xs" c="dimmed">
                          {t('org.reportsTo', { name: userName.get(u.headId) ?? u.headId })}
                        </Text>
                      )}
                    </div>
                    <Group gap={4}>
                      {!u.active && <Badge color="gray">{t('org.inactive')}</Badge>}
                      {u.roles.map((r) => (
                        <Badge key={`${r.role}:${r.departmentId ?? ''}`} variant="light" tt="none">
                          {r.role}
                        </Badge>
                      ))}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="departments">
          {departments.isPending || users.isPending ? (
            <Loading />
          ) : departments.isError ? (
            <ErrorNotice error={departments.error} />
          ) : (departments.data.items.length ?? 0) === 0 ? (
            <Empty>{t('org.noDepartments')}</Empty>
          ) : (
            <Paper withBorder p="md" radius="md">
              <DepartmentTree departments={departments.data.items} users={users.data ?? []} />
            </Paper>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="absences">
          <Absences />
        </Tabs.Panel>
      </Tabs>
      <Text size="xs" c="dimmed" mt="lg">
        {t('org.editHint')}
      </Text>
    </>
  );
}

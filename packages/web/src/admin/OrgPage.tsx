import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../app/PageHeader.tsx';
import { Absences } from './Absences.tsx';
import { DepartmentsTab } from './departments/DepartmentsTab.tsx';
import { GroupsTab } from './groups/GroupsTab.tsx';
import { RolesTab } from './roles/RolesTab.tsx';
import { UsersTab } from './users/UsersTab.tsx';

const TABS = ['users', 'departments', 'roles', 'groups', 'absences'] as const;
type Tab = (typeof TABS)[number];
const PANELS: Record<Tab, () => React.JSX.Element> = {
  users: UsersTab,
  departments: DepartmentsTab,
  roles: RolesTab,
  groups: GroupsTab,
  absences: Absences,
};

/** The organisation, one tab per part; the open tab is in the address (`?tab=groups`), so a reload keeps it. */
export function OrgPage() {
  const { t } = useTranslation('admin');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.find((x) => x === asked) ?? 'users';

  return (
    <>
      <PageHeader title={t('org.title')} subtitle={t('org.subtitle')} />
      <Tabs
        value={tab}
        onChange={(next) => setParams(next && next !== 'users' ? { tab: next } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`org.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((x) => {
          const Panel = PANELS[x];
          return (
            <Tabs.Panel key={x} value={x}>
              <Panel />
            </Tabs.Panel>
          );
        })}
      </Tabs>
    </>
  );
}

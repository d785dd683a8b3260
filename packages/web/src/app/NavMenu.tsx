import { Badge, Divider, NavLink, Stack, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconBrowser,
  IconBuildingCommunity,
  IconBuildingSkyscraper,
  IconCalendarCheck,
  IconCalendarEvent,
  IconChartBar,
  IconChecklist,
  IconFileText,
  IconFilter,
  IconFolder,
  IconForms,
  IconInbox,
  IconLayoutKanban,
  IconListDetails,
  IconMailbox,
  IconMailForward,
  IconNews,
  IconPackage,
  IconPlayerPlay,
  IconReportMoney,
  IconRobot,
  IconShieldLock,
  IconSitemap,
  IconTable,
  IconTableImport,
  IconTags,
  IconTargetArrow,
  IconTimelineEvent,
  IconWebhook,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useMe } from '../api/auth.ts';
import { useMyOpenTasks } from '../notifications/useMyOpenTasks.ts';

interface Item {
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  /** Whether the signed-in user gets the item (administration pages); absent: everyone. */
  shown?: boolean;
}

const isActive = (path: string, to: string) =>
  to === '/' ? path === '/' || path.startsWith('/tasks/') : path.startsWith(to);

/** The side menu: the employee's pages, then the administration pages their roles open. */
export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const me = useMe().data;
  const abilities = me?.abilities ?? [];
  const open = useMyOpenTasks();
  const work: Item[] = [
    { to: '/', label: t('nav.myTasks'), icon: IconInbox },
    { to: '/start', label: t('nav.start'), icon: IconPlayerPlay },
    { to: '/processes', label: t('nav.myProcesses'), icon: IconTimelineEvent },
    { to: '/feed', label: t('nav.feed'), icon: IconNews },
    { to: '/lists', label: t('nav.lists'), icon: IconTable },
    { to: '/drive', label: t('nav.drive'), icon: IconFolder },
  ];
  const crm: Item[] = [
    { to: '/crm/deals', label: t('nav.deals'), icon: IconLayoutKanban },
    { to: '/crm/contacts', label: t('nav.contacts'), icon: IconAddressBook },
    { to: '/crm/companies', label: t('nav.companies'), icon: IconBuildingSkyscraper },
    { to: '/crm/leads', label: t('nav.leads'), icon: IconTargetArrow },
    { to: '/crm/activities', label: t('nav.activities'), icon: IconCalendarCheck },
    // Everyone: the company's mailboxes and their own (the server shows whoever manages the CRM all).
    { to: '/crm/mailboxes', label: t('nav.mailboxes'), icon: IconMailbox },
    { to: '/crm/import', label: t('nav.crmImport'), icon: IconTableImport },
    { to: '/crm/products', label: t('nav.products'), icon: IconPackage },
    // Everyone: the server shows the owner every manager, a head their people, others themselves.
    { to: '/crm/reports/sales', label: t('nav.salesReport'), icon: IconReportMoney },
  ];
  const may = (...needs: string[]) => needs.some((a) => abilities.includes(a));
  const admin: Item[] = [
    { to: '/admin/instances', label: t('nav.allInstances'), icon: IconListDetails, shown: may('seeAllWork') },
    { to: '/admin/tasks', label: t('nav.allTasks'), icon: IconChecklist, shown: may('companyInbox') },
    { to: '/admin/outbox', label: t('nav.outbox'), icon: IconMailForward, shown: may('administerProcesses') },
    { to: '/admin/webhooks', label: t('nav.webhooks'), icon: IconWebhook, shown: may('manageWebhooks') },
    {
      to: '/admin/documents',
      label: t('nav.documents'),
      icon: IconFileText,
      shown: may('administerProcesses'),
    },
    { to: '/admin/pipelines', label: t('nav.pipelines'), icon: IconFilter, shown: may('manageCrm') },
    { to: '/crm/robots', label: t('nav.robots'), icon: IconRobot, shown: may('manageCrm') },
    { to: '/crm/price-lists', label: t('nav.priceLists'), icon: IconTags, shown: may('manageCrm') },
    { to: '/crm/access', label: t('nav.crmAccess'), icon: IconShieldLock, shown: may('manageCrm') },
    { to: '/admin/fields', label: t('nav.crmFields'), icon: IconForms, shown: may('manageCrm') },
    { to: '/admin/web-forms', label: t('nav.webForms'), icon: IconBrowser, shown: may('manageCrm') },
    // Whoever sees every run of some template: the owner, administrators, a template's view right.
    { to: '/reports', label: t('nav.reports'), icon: IconChartBar, shown: me?.reports === true },
    { to: '/designer', label: t('nav.designer'), icon: IconSitemap, shown: may('administerProcesses') },
    { to: '/admin/org', label: t('nav.org'), icon: IconBuildingCommunity, shown: may('manageOrganisation') },
    {
      to: '/admin/calendar',
      label: t('nav.calendar'),
      icon: IconCalendarEvent,
      shown: may('manageOrganisation'),
    },
  ].filter((item) => item.shown);

  const link = (item: Item) => (
    <NavLink
      key={item.to}
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={<item.icon size={20} aria-hidden />}
      active={isActive(pathname, item.to)}
      aria-current={isActive(pathname, item.to) ? 'page' : undefined}
      onClick={onNavigate}
      rightSection={
        item.to === '/' && open.count > 0 ? (
          <Badge size="sm" circle={open.count < 10} aria-label={t('nav.openTasks', { count: open.count })}>
            {open.count}
          </Badge>
        ) : null
      }
    />
  );

  const heading = (text: string) => (
    <>
      <Divider my="sm" />
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" pb={4}>
        {text}
      </Text>
    </>
  );

  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      {work.map(link)}
      {heading(t('nav.crm'))}
      {crm.map(link)}
      {admin.length > 0 && (
        <>
          {heading(t('nav.administration'))}
          {admin.map(link)}
        </>
      )}
    </Stack>
  );
}

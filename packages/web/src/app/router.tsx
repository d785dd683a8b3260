import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from '../auth/RequireSession.tsx';
import { SignInPage } from '../auth/SignInPage.tsx';
import { CataloguePage } from '../start/CataloguePage.tsx';
import { StartFormPage } from '../start/StartFormPage.tsx';
import { MyTasksPage } from '../tasks/MyTasksPage.tsx';
import { TaskPage } from '../tasks/TaskPage.tsx';
import { Loading } from './feedback.tsx';
import { Layout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// Loaded on first visit: the designer (with React Flow and elkjs) and the administration pages are not
// in the bundle an employee downloads to answer a task.
const DesignerPage = lazy(() => import('../designer/DesignerPage.tsx'));
const TemplatesPage = lazy(() => import('../designer/TemplatesPage.tsx'));
const named = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) =>
  lazy(() => load().then((module) => ({ default: module[name] })));
const MyProcessesPage = named(() => import('../processes/MyProcessesPage.tsx'), 'MyProcessesPage');
const FeedPage = named(() => import('../feed/FeedPage.tsx'), 'FeedPage');
const ProcessCardPage = named(() => import('../processes/ProcessCardPage.tsx'), 'ProcessCardPage');
const InstancesPage = named(() => import('../admin/InstancesPage.tsx'), 'InstancesPage');
const ReportPage = named(() => import('../reports/ReportPage.tsx'), 'ReportPage');
const AllTasksPage = named(() => import('../admin/AllTasksPage.tsx'), 'AllTasksPage');
const OutboxPage = named(() => import('../admin/outbox/OutboxPage.tsx'), 'OutboxPage');
const WebhooksPage = named(() => import('../webhooks/WebhooksPage.tsx'), 'WebhooksPage');
const DocumentTemplatesPage = named(
  () => import('../admin/documents/DocumentTemplatesPage.tsx'),
  'DocumentTemplatesPage',
);
const OrgPage = named(() => import('../admin/OrgPage.tsx'), 'OrgPage');
const CalendarPage = named(() => import('../admin/calendar/CalendarPage.tsx'), 'CalendarPage');
const DealsPage = named(() => import('../crm/deals/DealsPage.tsx'), 'DealsPage');
const NewDealPage = named(() => import('../crm/deals/NewDealPage.tsx'), 'NewDealPage');
const DealPage = named(() => import('../crm/deals/DealPage.tsx'), 'DealPage');
const ContactsPage = named(() => import('../crm/parties/PartyListPage.tsx'), 'ContactsPage');
const CompaniesPage = named(() => import('../crm/parties/PartyListPage.tsx'), 'CompaniesPage');
const ContactPage = named(() => import('../crm/parties/PartyPage.tsx'), 'ContactPage');
const CompanyPage = named(() => import('../crm/parties/PartyPage.tsx'), 'CompanyPage');
const PipelinesPage = named(() => import('../crm/pipelines/PipelinesPage.tsx'), 'PipelinesPage');
const RobotsPage = named(() => import('../crm-robots/RobotsPage.tsx'), 'RobotsPage');
const FieldsPage = named(() => import('../crm-fields/FieldsPage.tsx'), 'FieldsPage');
const LeadsPage = named(() => import('../crm-leads/LeadsPage.tsx'), 'LeadsPage');
const NewLeadPage = named(() => import('../crm-leads/NewLeadPage.tsx'), 'NewLeadPage');
const LeadPage = named(() => import('../crm-leads/LeadPage.tsx'), 'LeadPage');
const WebFormsPage = named(() => import('../crm-forms/WebFormsPage.tsx'), 'WebFormsPage');
const PublicFormPage = named(() => import('../crm-forms/PublicFormPage.tsx'), 'PublicFormPage');
const ImportPage = named(() => import('../crm-import/ImportPage.tsx'), 'ImportPage');
const QuotePage = named(() => import('../crm-quotes/QuotePage.tsx'), 'QuotePage');
const ProductsPage = named(() => import('../crm-catalog/ProductsPage.tsx'), 'ProductsPage');
const PriceListsPage = named(() => import('../crm-catalog/PriceListsPage.tsx'), 'PriceListsPage');
const CrmAccessPage = named(() => import('../crm-access/CrmAccessPage.tsx'), 'CrmAccessPage');
const SalesReportPage = named(() => import('../crm-reports/SalesReportPage.tsx'), 'SalesReportPage');
const MyActivitiesPage = named(() => import('../crm-activities/MyActivitiesPage.tsx'), 'MyActivitiesPage');
const MailboxesPage = named(() => import('../crm-mail/MailboxesPage.tsx'), 'MailboxesPage');
const ListsPage = named(() => import('../lists/ListsPage.tsx'), 'ListsPage');
const ListPage = named(() => import('../lists/ListPage.tsx'), 'ListPage');
const NewListPage = named(() => import('../lists/ListSettingsPage.tsx'), 'NewListPage');
const ListSettingsPage = named(() => import('../lists/ListSettingsPage.tsx'), 'ListSettingsPage');
const RecordPage = named(() => import('../lists/RecordPage.tsx'), 'RecordPage');
const FoldersPage = named(() => import('../drive/FoldersPage.tsx'), 'FoldersPage');
const FolderPage = named(() => import('../drive/FolderPage.tsx'), 'FolderPage');
const FilePage = named(() => import('../drive/FilePage.tsx'), 'FilePage');
const TokensPage = named(() => import('../account/TokensPage.tsx'), 'TokensPage');
const EmailPage = named(() => import('../account/EmailPage.tsx'), 'EmailPage');

/** Every page of the app. Pages live in their domain's folder; this file only says where each is. */
export const router = createBrowserRouter([
  { path: '/signin', element: <SignInPage /> },
  // A web form's public page: for visitors of the company's site (no sign-in, no menu; embeddable).
  {
    path: '/forms/:token',
    element: (
      <Suspense fallback={<Loading />}>
        <PublicFormPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireSession>
        <Layout />
      </RequireSession>
    ),
    children: [
      { index: true, element: <MyTasksPage /> },
      { path: 'tasks/:id', element: <TaskPage /> },
      { path: 'start', element: <CataloguePage /> },
      { path: 'start/:key', element: <StartFormPage /> },
      { path: 'processes', element: <MyProcessesPage /> },
      { path: 'processes/:id', element: <ProcessCardPage /> },
      { path: 'feed', element: <FeedPage /> },
      { path: 'lists', element: <ListsPage /> },
      { path: 'lists/new', element: <NewListPage /> },
      { path: 'lists/:key', element: <ListPage /> },
      { path: 'lists/:key/settings', element: <ListSettingsPage /> },
      { path: 'lists/:key/records/:id', element: <RecordPage /> },
      { path: 'drive', element: <FoldersPage /> },
      { path: 'drive/folders/:id', element: <FolderPage /> },
      { path: 'drive/files/:id', element: <FilePage /> },
      { path: 'crm/deals', element: <DealsPage /> },
      { path: 'crm/deals/new', element: <NewDealPage /> },
      { path: 'crm/deals/:id', element: <DealPage /> },
      { path: 'crm/contacts', element: <ContactsPage /> },
      { path: 'crm/contacts/:id', element: <ContactPage /> },
      { path: 'crm/companies', element: <CompaniesPage /> },
      { path: 'crm/companies/:id', element: <CompanyPage /> },
      { path: 'crm/leads', element: <LeadsPage /> },
      { path: 'crm/leads/new', element: <NewLeadPage /> },
      { path: 'crm/leads/:id', element: <LeadPage /> },
      { path: 'crm/quotes/:id', element: <QuotePage /> },
      { path: 'crm/import', element: <ImportPage /> },
      { path: 'crm/products', element: <ProductsPage /> },
      { path: 'crm/price-lists', element: <PriceListsPage /> },
      { path: 'crm/access', element: <CrmAccessPage /> },
      { path: 'crm/reports/sales', element: <SalesReportPage /> },
      { path: 'crm/activities', element: <MyActivitiesPage /> },
      { path: 'crm/mailboxes', element: <MailboxesPage /> },
      { path: 'admin/web-forms', element: <WebFormsPage /> },
      { path: 'admin/pipelines', element: <PipelinesPage /> },
      { path: 'crm/robots', element: <RobotsPage /> },
      { path: 'admin/fields', element: <FieldsPage /> },
      // Where the settings were while only deals had fields.
      { path: 'admin/deal-fields', element: <Navigate to="/admin/fields" replace /> },
      { path: 'admin/instances', element: <InstancesPage /> },
      { path: 'reports', element: <ReportPage /> },
      { path: 'admin/tasks', element: <AllTasksPage /> },
      { path: 'admin/outbox', element: <OutboxPage /> },
      { path: 'admin/webhooks', element: <WebhooksPage /> },
      { path: 'admin/documents', element: <DocumentTemplatesPage /> },
      { path: 'admin/org', element: <OrgPage /> },
      { path: 'admin/calendar', element: <CalendarPage /> },
      { path: 'account/tokens', element: <TokensPage /> },
      { path: 'account/email', element: <EmailPage /> },
      { path: 'designer', element: <TemplatesPage /> },
      { path: 'designer/:key', element: <DesignerPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

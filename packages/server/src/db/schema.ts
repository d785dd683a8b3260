import type { TemplateIcon } from '@baton/engine';
import type { Generated } from 'kysely';

/**
 * Tables as Kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL, read back as numbers);
 * JSON is stored as text so both dialects share one code path.
 */
export interface Database {
  definitions: DefinitionsTable;
  instances: InstancesTable;
  tasks: TasksTable;
  task_assignees: TaskAssigneesTable;
  jobs: JobsTable;
  history_steps: HistoryStepsTable;
  message_subscriptions: MessageSubscriptionsTable;
  idempotency_keys: IdempotencyKeysTable;
  notifications: NotificationsTable;
  document_templates: DocumentTemplatesTable;
  documents: DocumentsTable;
  feed_posts: FeedPostsTable;
  feed_readers: FeedReadersTable;
  crm_pipelines: CrmPipelinesTable;
  crm_stages: CrmStagesTable;
  crm_companies: CrmCompaniesTable;
  crm_contacts: CrmContactsTable;
  crm_deals: CrmDealsTable;
  crm_deal_stages: CrmDealStagesTable;
  crm_robots: CrmRobotsTable;
  crm_deal_fields: CrmDealFieldsTable;
  crm_web_forms: CrmWebFormsTable;
  crm_form_submissions: CrmFormSubmissionsTable;
  settings: SettingsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  roles: RolesTable;
  user_roles: UserRolesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  reporting_lines: ReportingLinesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  definition_rights: DefinitionRightsTable;
  absences: AbsencesTable;
  calendar_days: CalendarDaysTable;
}

/** Server-wide values that must survive restarts (the admin token's hash, the webhook secret). */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface DefinitionsTable {
  key: string;
  version: number;
  status: 'draft' | 'published';
  name: string;
  json: string;
  bpmn: string | null;
  created_by: string | null;
  created_at: number;
  published_at: number | null;
  /** Set on every version when the template is deleted; deleted versions exist only for their instances. */
  deleted_at: number | null;
  deleted_by: string | null;
  /** The JSON's `sort` and `icon` (null when absent or invalid), for the catalogue. */
  sort: number | null;
  icon: TemplateIcon | null;
  /** The JSON's `labels` as a JSON array (`[]` when absent or invalid; the column's default). */
  labels: string;
  /** The JSON's `documentType` (`deal`, …): the CRM items the template is made for. */
  document_type: string | null;
}

export interface InstancesTable {
  id: string;
  definition_key: string;
  definition_version: number;
  status: 'running' | 'completed' | 'failed' | 'terminated';
  state: string;
  version: number;
  document_ref: string | null;
  started_by: string | null;
  started_at: number;
  ended_at: number | null;
  error: string | null;
  parent_id: string | null;
  call_id: string | null;
  history_seq: number;
}

export interface TasksTable {
  id: string;
  instance_id: string;
  node_id: string;
  kind: string;
  title: string;
  status: 'open' | 'completed' | 'cancelled';
  assignees: string;
  role: string | null;
  due_at: number | null;
  created_at: number;
  completed_at: number | null;
  completed_by: string | null;
  outcome: string | null;
  /** Description, fields and outcomes as JSON. */
  form: string;
  /** The comment the task was completed with (also the `comment` variable). */
  comment: string | null;
}

export interface TaskAssigneesTable {
  task_id: string;
  assignee: string;
}

export type JobStatus = 'pending' | 'done' | 'dead' | 'cancelled';

export interface JobsTable {
  /** The instance id and the engine's effect key or timer id: enqueueing the same job twice is a no-op. */
  key: string;
  kind: string;
  instance_id: string | null;
  payload: string;
  status: JobStatus;
  due_at: number;
  locked_by: string | null;
  locked_until: number | null;
  attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** One row per engine step: its history events, numbered from `seq` within the instance. */
export interface HistoryStepsTable {
  instance_id: string;
  seq: number;
  at: number;
  /** The step's `HistoryEvent`s, a JSON array. */
  events: string;
}

export interface MessageSubscriptionsTable {
  id: string;
  instance_id: string;
  name: string;
  correlation_key: string | null;
  created_at: number;
}

export interface IdempotencyKeysTable {
  key: string;
  scope: string;
  result: string;
  created_at: number;
}

export interface NotificationsTable {
  id: string;
  recipient: string;
  text: string;
  /** JSON of a notice Baton words itself (notifications/notices.ts); null for a template's own text. */
  message: string | null;
  instance_id: string | null;
  node_id: string | null;
  created_at: number;
  read_at: number | null;
}

/** A document template: a DOCX file (`file`) or a text template (`text`); documents/kinds.ts. */
export interface DocumentTemplatesTable {
  key: string;
  name: string;
  kind: 'docx' | 'text';
  file: Buffer | null;
  text: string | null;
  /** JSON: the names the template reads at its top level, found when it was saved. */
  placeholders: string;
  /** Bytes of the file or of the text (UTF-8). */
  size: number;
  updated_by: string | null;
  updated_at: number;
}

/** A document a createDocument activity generated, made by job `job_key`. */
export interface DocumentsTable {
  id: string;
  job_key: string;
  instance_id: string;
  node_id: string;
  template_key: string;
  file_name: string;
  format: 'pdf' | 'docx';
  size: number;
  file: Buffer;
  created_at: number;
}

/** A post in the activity feed, made by job `job_key` (a publishFeed activity). */
export interface FeedPostsTable {
  id: string;
  job_key: string;
  instance_id: string | null;
  node_id: string;
  title: string;
  text: string;
  /** 1: everyone reads it; 0: only its feed_readers. */
  everyone: number;
  created_at: number;
}

export interface FeedReadersTable {
  user_id: string;
  post_id: string;
}

export interface CrmPipelinesTable {
  id: string;
  name: string;
  sort: number;
  /** `deal` or `lead`: which items move along it. */
  entity: Generated<string>;
}

export interface CrmStagesTable {
  id: string;
  pipeline_id: string;
  name: string;
  /** `open`, `won` or `lost`. */
  kind: string;
  color: string;
  sort: number;
}

/** What companies and contacts share: a name, how to reach them, who leads them. */
interface CrmPartyColumns {
  id: string;
  name: string;
  phone: string | null;
  email: string | null;
  responsible_id: string;
  comment: string | null;
  /** Lower-cased text the list's `q` looks in. */
  search: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface CrmCompaniesTable extends CrmPartyColumns {
  tax_id: string | null;
  address: string | null;
}

export interface CrmContactsTable extends CrmPartyColumns {
  position: string | null;
  company_id: string | null;
}

export interface CrmDealsTable {
  id: string;
  title: string;
  pipeline_id: string;
  stage_id: string;
  /** In minor units (kopecks, cents). */
  amount_minor: number | null;
  currency: string;
  contact_id: string | null;
  company_id: string | null;
  responsible_id: string;
  comment: string | null;
  /** JSON object: the deal's own fields. */
  fields: string;
  /** Lower-cased title, for the list's `q`. */
  search: string;
  version: number;
  stage_changed_at: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  /** Set while the deal is at a won or lost stage. */
  closed_at: number | null;
  /** `deal`, or `lead` for a request not yet qualified (migration 019). */
  entity: Generated<string>;
  /** A lead's person, company, phone and e-mail as given, until it is converted. */
  lead_name: string | null;
  lead_company: string | null;
  lead_phone: string | null;
  lead_email: string | null;
  /** Where a lead came from (a web form, a call, …). */
  source: string | null;
  /** The deal a lead was converted into. */
  converted_deal_id: string | null;
}

/** A deal's visits to stages, in order (`seq`). */
export interface CrmDealStagesTable {
  deal_id: string;
  seq: number;
  stage_id: string;
  entered_at: number;
  entered_by: string;
}

/** A robot on a pipeline stage (migration 017). */
export interface CrmRobotsTable {
  id: string;
  pipeline_id: string;
  stage_id: string;
  name: string;
  /** `notify` or `startProcess`. */
  action: string;
  /** ISO 8601 duration after entering the stage (the deal still there); null: at once. */
  delay: string | null;
  /** notify: the `{{ }}` template of the notice. */
  message: string | null;
  /** notify: the manager's head is told too (1/0). */
  notify_head: number;
  /** startProcess: the template started about the deal. */
  definition_key: string | null;
  active: number;
  created_at: number;
  updated_at: number;
}

/** A field companies add to deals (migration 018). */
export interface CrmDealFieldsTable {
  key: string;
  label: string;
  /** `string`, `number`, `boolean`, `date` or `select`. */
  type: string;
  /** JSON array: a select's options. */
  options: string;
  /** 1: every deal must have it. */
  required: number;
  /** JSON array of stage ids at which it must be filled. */
  required_stages: string;
  sort: number;
}

/** A web form that makes leads (migration 020). */
export interface CrmWebFormsTable {
  id: string;
  /** The form's public address: `/forms/<token>`. */
  token: string;
  name: string;
  /** The heading visitors see. */
  title: string;
  /** JSON array of `{ field, label, required }`. */
  fields: string;
  success_text: string;
  /** The lead pipeline its leads go to. */
  pipeline_id: string;
  responsible_id: string;
  active: number;
  created_at: number;
  updated_at: number;
}

export interface CrmFormSubmissionsTable {
  form_id: string;
  address: string;
  at: number;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  head_id: string | null;
  created_at: number;
  updated_at: number;
}

export interface UsersTable {
  id: string;
  /** Lower-case; unique. */
  login: string;
  email: string | null;
  name: string;
  position: string | null;
  department_id: string | null;
  /** Overrides the department's head as this user's head. */
  manager_id: string | null;
  /** 1 or 0. */
  active: number;
  locale: string | null;
  time_zone: string | null;
  /** `scrypt$N$r$p$salt$hash` (auth/passwords.ts); null: the user cannot sign in with a password. */
  password_hash: string | null;
  /** 1: e-mail them about tasks handed to them (mail/preferences.ts). */
  email_tasks: number;
  /** 1: e-mail them a copy of their notifications. */
  email_notifications: number;
  created_at: number;
  updated_at: number;
}

export interface RolesTable {
  /** What processes reference (`role:<name>`, a BPMN lane's name); never changes. */
  name: string;
  title: string;
  description: string | null;
  /** 1 for administrator, processAdministrator and owner: they cannot be removed. */
  builtin: number;
  created_at: number;
}

export interface UserRolesTable {
  role: string;
  /** The department the role is held in; '' when held company-wide. */
  department_id: string;
  user_id: string;
}

export interface GroupsTable {
  /** What processes reference (`group:<name>`); never changes. */
  name: string;
  title: string;
  description: string | null;
  created_at: number;
}

export interface GroupMembersTable {
  group_name: string;
  user_id: string;
}

/** Every head above a user, nearest first (depth 1); derived from users and departments (org/reporting-lines.ts). */
export interface ReportingLinesTable {
  user_id: string;
  depth: number;
  head_id: string;
}

export interface SessionsTable {
  /** SHA-256 of the session id the cookie holds: a stolen table opens no session. */
  id: string;
  user_id: string;
  csrf_hash: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** SHA-256 of the token (256 random bits, so a fast hash is enough). */
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: number;
  expires_at: number | null;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** One failed sign-in per row, under `login:<login>` and `ip:<address>`; rows older than the window go. */
export interface LoginFailuresTable {
  key: string;
  at: number;
}

/** Who may start, see and edit a template's instances; no row: the defaults (access/definition-rights.ts). */
export interface DefinitionRightsTable {
  definition_key: string;
  /** JSON `{ start, view, edit }`, each a list of subjects. */
  rights: string;
  updated_at: number;
  updated_by: string | null;
}

/** A user away from work between two instants; their tasks go to the deputy, else to their head. */
export interface AbsencesTable {
  id: string;
  user_id: string;
  /** vacation, sickLeave, businessTrip, timeOff, other. */
  kind: string;
  /** As given: `YYYY-MM-DD` (a whole local day) or an ISO 8601 instant. */
  from_text: string;
  to_text: string;
  /** Absent from `from_at` (inclusive) to `to_at` (exclusive). */
  from_at: number;
  to_at: number;
  deputy_id: string | null;
  comment: string | null;
  created_by: string;
  created_at: number;
}

/** A date of the company calendar that differs from its weekday (calendar/days.ts). */
export interface CalendarDaysTable {
  /** `YYYY-MM-DD`. */
  date: string;
  year: number;
  kind: 'holiday' | 'workday' | 'short';
  name: string | null;
}

import type { TemplateIcon } from '@baton/engine';
import type { CrmTables } from './crm-schema.ts';
import type { WorkspaceTables } from './workspace-schema.ts';

export type * from './crm-schema.ts';
export type * from './workspace-schema.ts';

/**
 * Tables as Kysely sees them. Times are epoch milliseconds (bigint in PostgreSQL, read back as numbers);
 * JSON is stored as text so both dialects share one code path.
 */
export interface Database extends CrmTables, WorkspaceTables {
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
  /** A mobile number for SMS, as typed (migration 026). */
  phone: string | null;
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

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
  history: HistoryTable;
  message_subscriptions: MessageSubscriptionsTable;
  idempotency_keys: IdempotencyKeysTable;
  notifications: NotificationsTable;
  settings: SettingsTable;
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

export interface HistoryTable {
  instance_id: string;
  seq: number;
  type: string;
  node_id: string | null;
  token_id: string | null;
  task_id: string | null;
  actor: string | null;
  at: number;
  data: string | null;
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
  instance_id: string | null;
  node_id: string | null;
  created_at: number;
  read_at: number | null;
}

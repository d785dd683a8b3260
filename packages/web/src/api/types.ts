import type { Answer, Query } from './client.ts';

/** Names for the answers pages use, all derived from the generated endpoint types. */
export type Me = Answer<'GET /api/v1/auth/me'>;
export type User = Me['user'];
export type TaskPage = Answer<'GET /api/v1/tasks'>;
export type Task = TaskPage['items'][number];
export type TaskDetail = Answer<'GET /api/v1/tasks/{id}'>;
export type TaskFilters = Query<'GET /api/v1/tasks'>;
export type InboxCounts = NonNullable<TaskPage['counts']>;
export type InstanceSummary = Answer<'GET /api/v1/instances'>['items'][number];
export type InstanceFilters = Query<'GET /api/v1/instances'>;
export type InstanceDetail = Answer<'GET /api/v1/instances/{id}'>;
export type HistoryEntry = InstanceDetail['history'][number];
export type HistoryPage = Answer<'GET /api/v1/instances/{id}/history'>;
export type TimelineEntry = HistoryPage['items'][number];
export type HistoryView = NonNullable<Query<'GET /api/v1/instances/{id}/history'>['view']>;
export type DefinitionSummary = Answer<'GET /api/v1/definitions'>['items'][number];
export type DefinitionVersion = Answer<'GET /api/v1/definitions/{key}'>;
export type Department = Answer<'GET /api/v1/departments'>['items'][number];
export type InstanceStatus = InstanceSummary['status'];
export type Role = Answer<'GET /api/v1/roles'>['items'][number];
export type Group = Answer<'GET /api/v1/groups'>['items'][number];

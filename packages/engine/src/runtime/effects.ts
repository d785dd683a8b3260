import type { Field } from '../model/fields.ts';

export const TASK_KINDS = ['approve', 'review', 'requestInfo', 'acknowledge', 'form'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const DELEGATION_POLICIES = ['anyone', 'subordinate', 'nobody'] as const;
export type Delegation = (typeof DELEGATION_POLICIES)[number];

export const ASSIGNMENT_MODES = ['any', 'all', 'percent', 'sequential'] as const;
export type AssignmentMode = (typeof ASSIGNMENT_MODES)[number];

export interface TaskOutcome {
  id: string;
  label?: string;
}

/**
 * What the runtime must do after a step. Plain data: the server turns each into a job in the same
 * transaction as the new state (a transactional outbox). `key` is unique within the instance and
 * stable across replays; prefixed with the instance id it is the idempotency key.
 */
export type Effect =
  | {
      type: 'createTask';
      taskId: string;
      nodeId: string;
      kind: TaskKind;
      title: string;
      description?: string;
      /** The people (or, without a directory, the references) the task is for. */
      assignees: string[];
      /** Where the directory redirected a task (absence, deputy, empty seat): who it was meant for and why. */
      redirects: { assignee: string; meantFor: string; reason: string }[];
      /** Who the assignees may hand the task to. */
      delegation: Delegation;
      role?: string;
      /** Deadline as epoch milliseconds, or null. */
      dueAt: number | null;
      fields: Field[];
      outcomes: TaskOutcome[];
    }
  | { type: 'cancelTask'; taskId: string; nodeId: string; reason: string }
  | { type: 'scheduleTimer'; timerId: string; nodeId: string; dueAt: number }
  | { type: 'cancelTimer'; timerId: string; nodeId: string }
  | {
      type: 'subscribeMessage';
      waitId: string;
      nodeId: string;
      message: string;
      correlationKey: string | null;
    }
  | { type: 'unsubscribeMessage'; waitId: string; nodeId: string }
  | {
      type: 'sendEmail';
      key: string;
      nodeId: string;
      to: string[];
      cc: string[];
      subject: string;
      body: string;
      /** createDocument activities whose latest documents go with the e-mail (absent: none). */
      attachments?: string[];
      /** Files given to the process (its `file` fields' values) that go with it (absent: none). */
      files?: string[];
    }
  | { type: 'sendSms'; key: string; nodeId: string; to: string[]; text: string }
  | {
      type: 'notify';
      key: string;
      nodeId: string;
      to: string[];
      /** As written by the template; for a notice Baton words itself, its English form. */
      text: string;
      /** A notice Baton words itself, for readers to see in their own language. */
      message?: NoticeMessage;
    }
  | {
      type: 'callWebhook';
      key: string;
      nodeId: string;
      url: string;
      method: 'POST' | 'PUT' | 'PATCH';
      headers: Record<string, string>;
      body: unknown;
    }
  | {
      type: 'createDocument';
      key: string;
      nodeId: string;
      template: string;
      fileName: string;
      format: 'docx' | 'pdf';
      data: Record<string, unknown>;
    }
  | { type: 'publishFeed'; key: string; nodeId: string; title: string; text: string; to: string[] }
  | { type: 'updateDocument'; key: string; nodeId: string; fields: Record<string, unknown> }
  | {
      type: 'addListRecord';
      key: string;
      nodeId: string;
      /** The list's key. */
      list: string;
      title: string;
      values: Record<string, unknown>;
    }
  | {
      type: 'startProcess';
      key: string;
      nodeId: string;
      definitionKey: string;
      params: Record<string, unknown>;
      /** Present when the parent waits: the child's completion arrives as message `baton.callCompleted` with this correlation key. */
      callId: string | null;
    }
  | { type: 'log'; key: string; nodeId: string; level: 'info' | 'warn' | 'error'; message: string }
  | {
      type: 'runService';
      key: string;
      nodeId: string;
      /** The custom activity's type, `vendor.name`: which plugin's code runs. */
      service: string;
      input: Record<string, unknown>;
    };

export type EffectType = Effect['type'];

/** Message name by which the runtime reports a called process's end to the waiting parent. */
export const CALL_COMPLETED_MESSAGE = 'baton.callCompleted';

/** Message name by which the runtime hands a custom activity its service's answer, keyed by the effect key. */
export const SERVICE_COMPLETED_MESSAGE = 'baton.serviceCompleted';

/**
 * The notices Baton words itself (a user task's reminder and its overdue notice), as data: the server
 * and the web app word them in each reader's language, with the deadline in the reader's time zone.
 */
export type NoticeMessage =
  | { key: 'taskReminder'; title: string; dueAt: number }
  | { key: 'taskOverdue'; title: string; late: string[] }
  /** A client's letter came on a deal or lead the reader leads (the CRM's mail). */
  | { key: 'crmLetter'; from: string; subject: string };

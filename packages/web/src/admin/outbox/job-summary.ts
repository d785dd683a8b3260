import type { Job } from '../../api/schema.gen.ts';

/** The kinds the outbox page names and filters by; others show their kind as it is. */
export const JOB_KINDS = [
  'sendEmail',
  'taskEmail',
  'notify',
  'callWebhook',
  'runService',
  'eventWebhook',
  'sendSms',
  'createDocument',
  'publishFeed',
  'updateDocument',
  'crmRobot',
  'crmTrigger',
  'addListRecord',
  'listRecordProcess',
  'startProcess',
  'callCompleted',
  'timer',
  'log',
] as const;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): string =>
  Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : '';
const joined = (...parts: string[]) => parts.filter((p) => p !== '').join(' — ');

/**
 * One line saying what a job delivers, from its payload: to whom and what for messages, where for a
 * webhook, which template a started process is. Payloads are the server's own; anything unexpected
 * shows as an empty line rather than failing the page.
 */
export function jobSummary(job: Pick<Job, 'kind' | 'payload'>): string {
  const p = (job.payload ?? {}) as Record<string, unknown>;
  switch (job.kind) {
    case 'sendEmail':
      return joined(list(p.to), text(p.subject));
    case 'sendSms':
    case 'notify':
      return joined(list(p.to), text(p.text));
    case 'taskEmail':
      // The tasks handed over at once (`taskIds`); one `taskId` in letters queued before.
      return joined(text(p.userId), list(p.taskIds) || text(p.taskId));
    case 'callWebhook':
      return joined(`${text(p.method)} ${text(p.url)}`.trim());
    case 'startProcess':
      return text(p.definitionKey);
    case 'runService':
      return text(p.service);
    case 'eventWebhook': {
      // The event, and what it is about: a process, or a deal or lead.
      const about = (p.data ?? {}) as Record<string, unknown>;
      return joined(text(p.event), text(about.instanceId) || text(about.title));
    }
    case 'createDocument':
      return text(p.fileName);
    case 'log':
      return text(p.message);
    case 'timer':
      return text(p.timerId);
    case 'updateDocument':
      return Object.keys((p.fields ?? {}) as object).join(', ');
    case 'crmRobot':
    case 'crmTrigger':
      return text(p.dealId);
    case 'addListRecord':
      return joined(text(p.list), text(p.title));
    case 'listRecordProcess':
      return joined(text(p.definitionKey), text(p.recordId));
    default:
      return '';
  }
}

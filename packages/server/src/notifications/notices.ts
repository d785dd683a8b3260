import type { NoticeMessage } from '@baton/engine';
import { toIso } from '../util/time.ts';

/** A notice as the API shows it: the engine's message with its deadline as an ISO time. */
export type NoticeView =
  | { key: 'taskReminder'; title: string; dueAt: string }
  | { key: 'taskOverdue'; title: string; late: string[] }
  | { key: 'crmLetter'; from: string; subject: string };

export function noticeView(message: NoticeMessage): NoticeView {
  return message.key === 'taskReminder' ? { ...message, dueAt: toIso(message.dueAt) } : message;
}

/** A notification row's `message` column (JSON), as the API shows it; null when Baton did not word it. */
export function storedNotice(json: string | null): NoticeView | null {
  return json === null ? null : noticeView(JSON.parse(json) as NoticeMessage);
}

import type { TFunction } from 'i18next';
import type { Notice } from '../api/schema.gen.ts';
import { formatDateTime } from '../i18n/format.ts';

/**
 * What a notification says in the reader's language: a notice Baton words itself (a reminder, an
 * overdue notice, a client's letter) from its data, the deadline in the browser's time; a template's own text as written.
 */
export function notificationText(
  n: { text: string; message?: Notice | null },
  t: TFunction,
  language: string,
): string {
  const m = n.message;
  if (!m) return n.text;
  switch (m.key) {
    case 'taskReminder':
      return t('notifications:notice.taskReminder', {
        title: m.title,
        due: formatDateTime(m.dueAt, language),
      });
    case 'taskOverdue':
      return t('notifications:notice.taskOverdue', { title: m.title, late: m.late.join(', ') });
    case 'crmLetter':
      return t('notifications:notice.crmLetter', { from: m.from, subject: m.subject });
  }
}

const ITEM = /^(deal|lead):(.+)$/;

/** Where a notification leads: its process's card, or the deal or lead it is about (a client's letter). */
export function notificationLink(n: { instanceId: string | null; nodeId: string | null }): string | null {
  if (n.instanceId) return `/processes/${encodeURIComponent(n.instanceId)}`;
  const item = n.nodeId?.match(ITEM);
  return item ? `/crm/${item[1]}s/${encodeURIComponent(item[2] ?? '')}` : null;
}

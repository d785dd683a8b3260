import type { TFunction } from 'i18next';
import type { Notice } from '../api/schema.gen.ts';
import { formatDateTime } from '../i18n/format.ts';

/**
 * What a notification says in the reader's language: a notice Baton words itself (a reminder, an
 * overdue notice) from its data, the deadline in the browser's time; a template's own text as written.
 */
export function notificationText(
  n: { text: string; message?: Notice | null },
  t: TFunction,
  language: string,
): string {
  const m = n.message;
  if (!m) return n.text;
  return m.key === 'taskReminder'
    ? t('notifications:notice.taskReminder', { title: m.title, due: formatDateTime(m.dueAt, language) })
    : t('notifications:notice.taskOverdue', { title: m.title, late: m.late.join(', ') });
}

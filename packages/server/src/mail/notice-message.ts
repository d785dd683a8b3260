import type { NoticeMessage } from '@baton/engine';
import { formatInZone, type Reader, readerLanguage } from './task-message.ts';

const TEXTS = {
  ru: {
    taskReminder: (title: string, due: string) => `Напоминание: «${title}», срок ${due}`,
    taskOverdue: (title: string, late: string) => `Просрочено: «${title}» (${late})`,
    crmLetter: (from: string, subject: string) => `Письмо от ${from}: «${subject}»`,
  },
  en: {
    taskReminder: (title: string, due: string) => `Reminder: “${title}” is due ${due}`,
    taskOverdue: (title: string, late: string) => `Overdue: “${title}” (${late})`,
    crmLetter: (from: string, subject: string) => `A letter from ${from}: “${subject}”`,
  },
};

/** A notice Baton words itself, in the reader's language, its deadline in their time zone. */
export function noticeText(message: NoticeMessage, reader: Pick<Reader, 'locale' | 'timeZone'>): string {
  const language = readerLanguage(reader.locale);
  const t = TEXTS[language];
  switch (message.key) {
    case 'taskReminder':
      return t.taskReminder(message.title, formatInZone(message.dueAt, language, reader.timeZone));
    case 'taskOverdue':
      return t.taskOverdue(message.title, message.late.join(', '));
    case 'crmLetter':
      return t.crmLetter(message.from, message.subject);
  }
}

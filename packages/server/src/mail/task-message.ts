/** The task an e-mail tells someone about. */
export interface AssignedTask {
  id: string;
  title: string;
  dueAt: number | null;
}

/** Who reads it: the greeting, the language (ru or en) and the time zone of the deadline. */
export interface Reader {
  name: string;
  locale: string | null;
  timeZone: string | null;
}

const TEXTS = {
  ru: {
    subject: (title: string) => `Новое задание: ${title}`,
    assigned: (name: string, title: string) => `${name}, вам назначено задание «${title}».`,
    subjectMany: (count: number) => `Новые задания: ${count}`,
    assignedMany: (name: string, count: number) => `${name}, вам назначены задания (${count}):`,
    due: 'Срок',
    open: 'Открыть',
  },
  en: {
    subject: (title: string) => `New task: ${title}`,
    assigned: (name: string, title: string) => `${name}, you have a new task: “${title}”.`,
    subjectMany: (count: number) => `${count} new tasks`,
    assignedMany: (name: string, count: number) => `${name}, you have ${count} new tasks:`,
    due: 'Due',
    open: 'Open',
  },
};

/**
 * The e-mail telling `reader` that `tasks` are theirs, in their language (English unless it is Russian):
 * one task as itself, several as a list — each with its deadline and link.
 */
export function tasksMessage(
  tasks: readonly AssignedTask[],
  reader: Reader,
  publicUrl: string | null,
): { subject: string; text: string } {
  const [only] = tasks;
  if (tasks.length === 1 && only) return taskMessage(only, reader, publicUrl);
  const language = readerLanguage(reader.locale);
  const t = TEXTS[language];
  const lines = [t.assignedMany(reader.name, tasks.length)];
  for (const task of tasks)
    lines.push('', `— ${task.title}`, ...taskLines(task, language, reader, publicUrl));
  return { subject: t.subjectMany(tasks.length), text: lines.join('\n') };
}

/** The e-mail telling `reader` that `task` is theirs, in their language (English unless it is Russian). */
function taskMessage(
  task: AssignedTask,
  reader: Reader,
  publicUrl: string | null,
): { subject: string; text: string } {
  const language = readerLanguage(reader.locale);
  const t = TEXTS[language];
  const lines = [t.assigned(reader.name, task.title), ...taskLines(task, language, reader, publicUrl)];
  return { subject: t.subject(task.title), text: lines.join('\n') };
}

/** A task's deadline, in the reader's time zone, and its link. */
function taskLines(
  task: AssignedTask,
  language: 'ru' | 'en',
  reader: Reader,
  publicUrl: string | null,
): string[] {
  const t = TEXTS[language];
  return [
    ...(task.dueAt === null ? [] : [`${t.due}: ${formatInZone(task.dueAt, language, reader.timeZone)}`]),
    ...(publicUrl ? [`${t.open}: ${publicUrl}/tasks/${encodeURIComponent(task.id)}`] : []),
  ];
}

/** Russian for a `ru…` locale, else English. */
export const readerLanguage = (locale: string | null): 'ru' | 'en' =>
  locale?.toLowerCase().startsWith('ru') ? 'ru' : 'en';

/** A moment in the reader's language and time zone (UTC when they have none, or an unknown one). */
export function formatInZone(at: number, language: 'ru' | 'en', timeZone: string | null): string {
  const options = {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  } as const;
  try {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: timeZone ?? 'UTC' }).format(at);
  } catch {
    return new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' }).format(at);
  }
}

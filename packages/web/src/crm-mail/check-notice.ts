import type { TFunction } from 'i18next';
import type { MailboxCheck } from '../api/crm-mail.ts';

/**
 * What "Check now" tells of a mailbox named `name`: how many letters and leads it took, and that more
 * letters wait when one check did not take them all (the next follows at once); or why it failed.
 */
export function checkNotice(
  name: string,
  result: Pick<MailboxCheck, 'fetched' | 'leads' | 'error' | 'more'>,
  t: TFunction,
): { color: 'green' | 'red'; message: string } {
  if (result.error) return { color: 'red', message: t('mail:check.failed', { name, error: result.error }) };
  const done = t('mail:check.done', {
    name,
    letters: t('mail:check.letters', { count: result.fetched }),
    leads: t('mail:check.leads', { count: result.leads }),
  });
  return { color: 'green', message: result.more ? `${done} ${t('mail:check.more')}` : done };
}

import { useTranslation } from 'react-i18next';
import type { RunSession } from '../model/test-run.ts';

/**
 * Who a test-run task went to, by name: "Boris Ivanov (for Vera Petrova: on vacation)" where the
 * organisation redirected it. Without the organisation, the references as written (or the node's role).
 */
export function RunAssignees({
  task,
  name = (ref) => ref,
}: {
  task: RunSession['tasks'][number];
  /** A person's display name; absent: references as written. */
  name?: ((id: string) => string) | undefined;
}) {
  const { t } = useTranslation('designer');
  const labels = task.assignees.map((assignee) => {
    const redirect = task.redirects.find((r) => r.assignee === assignee);
    if (!redirect) return name(assignee);
    return t('run.redirected', {
      assignee: name(assignee),
      meantFor: name(redirect.meantFor),
      reason: t(`tasks:reasons.${redirect.reason}`, { defaultValue: redirect.reason }),
    });
  });
  return <span data-testid="run-assignees">{labels.join(', ') || task.role || '—'}</span>;
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EmailStatus } from '../api/crm-mail.ts';

type OutStatus = Exclude<EmailStatus, 'received'>;

const COLORS: Record<OutStatus, string> = { queued: 'yellow', sent: 'green', failed: 'red' };

/** Where a letter written in Baton is: waiting to go out, sent, or failed; a received one shows none. */
export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const { t } = useTranslation('mail');
  if (status === 'received') return null;
  return (
    <Badge color={COLORS[status]} variant="light" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus } from '../api/crm-quotes.ts';

const COLORS: Record<QuoteStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  declined: 'red',
};

/** Where a quote stands: draft, sent, accepted or declined. */
export function QuoteStatusBadge({ status }: { status: QuoteStatus }) {
  const { t } = useTranslation('quotes');
  return (
    <Badge color={COLORS[status]} variant="light" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

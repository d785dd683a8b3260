import { Anchor, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Quote } from '../api/crm-quotes.ts';
import { PageHeader } from '../app/PageHeader.tsx';
import { DEAL_KIND } from '../crm/deals/deal-kind.ts';
import { itemPath } from '../crm/items/item-kind.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';

/** A quote's heading: its number, its status and the deal it is for (a link back), and `actions`. */
export function QuoteHeader({ quote, actions }: { quote: Quote; actions: ReactNode }) {
  const { t } = useTranslation('quotes');
  return (
    <PageHeader
      title={t('title', { number: quote.number })}
      subtitle={
        <Group gap="xs" wrap="wrap">
          <QuoteStatusBadge status={quote.status} />
          <Anchor component={Link} to={itemPath(DEAL_KIND, quote.dealId)} size="sm">
            {t('forDeal', { title: quote.dealTitle })}
          </Anchor>
        </Group>
      }
      actions={actions}
    />
  );
}

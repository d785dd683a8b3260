import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Quote, useCreateQuote, useDealQuotes } from '../api/crm-quotes.ts';
import { PagedList } from '../app/PagedList.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatMoney } from '../crm/money.ts';
import { formatDate } from '../i18n/format.ts';
import { formatPercent } from './percent.ts';
import { QuoteStatusBadge } from './QuoteStatusBadge.tsx';
import { quotePath } from './quote-path.ts';
import { quoteProblemMessage } from './quote-problems.ts';

/**
 * A deal's quotes, newest first: each one's number (a link to it), status, total and when it was sent;
 * "New quote" (on a deal the reader may change) makes an empty draft in the deal's currency and opens it.
 */
export function DealQuotes({ dealId, editable }: { dealId: string; editable: boolean }) {
  const { t } = useTranslation('quotes');
  const navigate = useNavigate();
  const create = useCreateQuote();
  const list = useDealQuotes(dealId);
  return (
    <SectionCard
      id="deal-quotes"
      title={t('section.title')}
      aside={
        editable && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} aria-hidden />}
            loading={create.isPending}
            onClick={() =>
              create.mutate({ dealId, rows: [] }, { onSuccess: (quote) => navigate(quotePath(quote.id)) })
            }
          >
            {t('section.new')}
          </Button>
        )
      }
    >
      {create.error ? (
        <Alert color="red" mb="sm" role="alert" className="wrap-anywhere">
          {quoteProblemMessage(create.error, t)}
        </Alert>
      ) : null}
      <PagedList query={list} empty={t('section.empty')}>
        {(quote) => <QuoteLine key={quote.id} quote={quote} />}
      </PagedList>
    </SectionCard>
  );
}

/**
 * One quote of the list: "Quote No. 12 · Sent · RUB 4,299.42 · incl. VAT 22%: RUB 775.30 · sent May 12,
 * 2026". The VAT is the one in the total, whether the prices include it or it came on top.
 */
function QuoteLine({ quote }: { quote: Quote }) {
  const { t, i18n } = useTranslation('quotes');
  const title = t('title', { number: quote.number });
  const money = (amount: number) => formatMoney(amount, quote.currency, i18n.language);
  return (
    <Group component="article" aria-label={title} gap="xs" wrap="wrap">
      <Anchor component={Link} to={quotePath(quote.id)} fw={600} size="sm">
        {title}
      </Anchor>
      <QuoteStatusBadge status={quote.status} />
      <Text size="sm">{money(quote.total)}</Text>
      {quote.vatRate !== null && (
        <Text size="sm" c="dimmed">
          {t('totals.vatIncluded', {
            rate: formatPercent(quote.vatRate, i18n.language),
            amount: money(quote.vat),
          })}
        </Text>
      )}
      {quote.sentAt && (
        <Text size="sm" c="dimmed">
          {t('section.sentOn', { date: formatDate(quote.sentAt, i18n.language) })}
        </Text>
      )}
    </Group>
  );
}

import { Alert, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Quote } from '../api/crm-quotes.ts';
import { formatMoney } from '../crm/money.ts';
import { ReadOnlyNote } from '../crm/ReadOnlyNote.tsx';
import { formatDate, formatDateTime } from '../i18n/format.ts';
import { formatPercent } from './percent.ts';
import { QuoteActions } from './QuoteActions.tsx';
import { QuoteHeader } from './QuoteHeader.tsx';
import { QuoteTotals } from './QuoteTotals.tsx';
import { savedTotals } from './quote-total.ts';

/**
 * A quote no longer a draft, as it went to the client: to whom and when, its terms, rows and totals. Not
 * `editable` (its deal only read): any quote so, with nothing to do but its PDF.
 */
export function QuoteSummary({ quote, editable }: { quote: Quote; editable: boolean }) {
  const { t, i18n } = useTranslation('quotes');
  const money = (amount: number) => formatMoney(amount, quote.currency, i18n.language);
  // Quantities go to thousandths (3.5 m², 0.125 t).
  const quantity = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 3 });
  const terms = [
    t('summary.currency', { currency: quote.currency }),
    t('summary.language', { language: t(`languages.${quote.language}`) }),
    quote.validUntil && t('summary.validUntil', { date: formatDate(quote.validUntil, i18n.language) }),
  ];
  return (
    <>
      <QuoteHeader quote={quote} actions={<QuoteActions quote={quote} editable={editable} />} />
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-label={t('title', { number: quote.number })}
      >
        {editable ? (
          <Alert color="blue" variant="light" mb="sm">
            {t('summary.readOnly')}
          </Alert>
        ) : (
          <ReadOnlyNote />
        )}
        <Text size="sm" className="wrap-anywhere">
          {quote.sentAt
            ? t('summary.sentTo', {
                date: formatDateTime(quote.sentAt, i18n.language),
                to: quote.sentTo.join(', '),
              })
            : t('summary.notSent')}
        </Text>
        <Text size="sm" c="dimmed" mb="sm">
          {terms.filter(Boolean).join(' · ')}
        </Text>
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('rows.title')}>
          {quote.rows.map((row, index) => (
            <Group
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a sent quote's never change
              key={index}
              component="li"
              justify="space-between"
              align="flex-start"
              wrap="nowrap"
              gap="sm"
            >
              <div style={{ minWidth: 0 }}>
                <Text size="sm" fw={500} className="wrap-anywhere">
                  {index + 1}. {row.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('summary.row', {
                    quantity: quantity.format(row.quantity),
                    unit: row.unit,
                    price: money(row.price),
                  })}
                  {row.discount > 0 && ` − ${formatPercent(row.discount, i18n.language)}`}
                </Text>
              </div>
              <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {money(row.total)}
              </Text>
            </Group>
          ))}
        </Stack>
        <Box mt="sm">
          <QuoteTotals lines={savedTotals(quote)} currency={quote.currency} />
        </Box>
        {quote.comment && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
            {quote.comment}
          </Text>
        )}
      </Paper>
    </>
  );
}

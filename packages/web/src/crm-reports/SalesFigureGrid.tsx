import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SalesFigures } from '../api/crm-sales-report.ts';
import { formatAmount } from '../crm/money.ts';
import { Figure } from '../reports/Figure.tsx';
import { amountsText, percentText } from './sales-figures.ts';

/** What deals came to, in figures: the totals' large, a manager's card's `compact`. */
export function SalesFigureGrid({ figures: f, compact }: { figures: SalesFigures; compact?: boolean }) {
  const { t, i18n } = useTranslation('salesReport');
  const language = i18n.language;
  const days = f.medianDaysToWin;
  const entries: [string, string][] = [
    [t('wonAmount'), amountsText(f.wonAmounts, language)],
    [t('wonLost'), `${f.won} / ${f.lost}`],
    [t('winRate'), percentText(f.winRate, language)],
    [t('daysToWin'), days === null ? '—' : t('days', { count: days, days: formatAmount(days, language) })],
    [t('open'), f.open === 0 ? '0' : `${f.open} · ${amountsText(f.openAmounts, language)}`],
    [t('created'), String(f.created)],
    [t('stageMoves'), String(f.stageMoves)],
    [t('quotes'), `${f.quotesSent} / ${f.quotesAccepted}`],
    [t('activitiesDone'), String(f.activitiesDone)],
    [t('lettersSent'), String(f.lettersSent)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing={compact ? 'xs' : 'sm'}>
      {entries.map(([label, value]) => (
        <Figure key={label} label={label} value={value} size={compact ? 'md' : 'xl'} />
      ))}
    </SimpleGrid>
  );
}

import { Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePipelines } from '../api/crm.ts';
import { salesCsvUrl, useSalesReport } from '../api/crm-sales-report.ts';
import { DEFAULT_RANGE, type ReportRange } from '../api/report-range.ts';
import { CardList } from '../app/CardList.tsx';
import { FilterSelect } from '../app/FilterSelect.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { useUrlParam } from '../crm/url-params.ts';
import { CsvLink } from '../reports/CsvLink.tsx';
import { ReportRangePicker } from '../reports/ReportRangePicker.tsx';
import { ManagerCard } from './ManagerCard.tsx';
import { SalesFigureGrid } from './SalesFigureGrid.tsx';

/**
 * The sales report (`/crm/reports/sales`, `?pipeline=`): who sells and through which actions — per
 * manager, the largest seller first, with the totals above and the same as CSV for a BI tool.
 */
export function SalesReportPage() {
  const { t } = useTranslation('salesReport');
  const [range, setRange] = useState<ReportRange>(DEFAULT_RANGE);
  const [pipelineId, setPipeline] = useUrlParam('pipeline');
  const pipelines = usePipelines().data?.items ?? [];
  const report = useSalesReport(range, pipelineId);

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <ReportRangePicker label={t('period')} value={range} onChange={setRange} />
        <FilterSelect
          label={t('pipeline')}
          placeholder={t('allPipelines')}
          data={pipelines.map((p) => ({ value: p.id, label: p.name }))}
          value={pipelineId}
          onChange={setPipeline}
        />
        <CsvLink href={salesCsvUrl(range, pipelineId)}>{t('csv')}</CsvLink>
      </Group>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice error={report.error} retry={() => report.refetch()} />
      ) : report.data.people.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <Stack gap="md">
          <SectionCard id="sales-totals" title={t('totals')}>
            <SalesFigureGrid figures={report.data.totals} />
          </SectionCard>
          <CardList aria-label={t('managers')}>
            {report.data.people.map((manager) => (
              <ManagerCard key={manager.userId} manager={manager} />
            ))}
          </CardList>
        </Stack>
      )}
    </>
  );
}

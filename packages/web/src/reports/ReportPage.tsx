import { Group, SegmentedControl, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useReportableDefinitions } from '../api/definitions.ts';
import { useUserNames } from '../api/org.ts';
import { DEFAULT_RANGE, type ReportRange } from '../api/report-range.ts';
import { type ReportTime, reportCsvUrl, useProcessReport } from '../api/reports.ts';
import { FilterSelect } from '../app/FilterSelect.tsx';
import { Empty, ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDuration } from '../i18n/format.ts';
import { CsvLink } from './CsvLink.tsx';
import { Figure } from './Figure.tsx';
import { ReportRangePicker } from './ReportRangePicker.tsx';
import { CountBadge, TimeBars } from './TimeBars.tsx';
import { WaitingList } from './WaitingList.tsx';

/**
 * The process report: for one template's runs of a period, which steps take the time (the longest
 * first, with what is late and what waits now), which departments spend it, how long a run takes —
 * and the tasks as CSV for a BI tool. `?process=<key>` opens it on a template (the first one otherwise).
 */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const reportable = useReportableDefinitions();
  const definitions = reportable.data?.items ?? [];
  const [params, setParams] = useSearchParams();
  const chosen = params.get('process');
  const [range, setRange] = useState<ReportRange>(DEFAULT_RANGE);
  const [time, setTime] = useState<ReportTime>('calendar');
  const key = chosen ?? definitions[0]?.key ?? null;
  const report = useProcessReport(key, range, time);
  const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms, t));
  const name = useUserNames();

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <FilterSelect
          label={t('process')}
          data={definitions.map((d) => ({ value: d.key, label: d.name }))}
          value={key}
          onChange={(value) => value && setParams({ process: value }, { replace: true })}
          clearable={false}
          searchable
          width={260}
        />
        <ReportRangePicker label={t('period')} value={range} onChange={setRange} />
        <SegmentedControl
          aria-label={t('time')}
          data={[
            { value: 'calendar', label: t('calendarTime') },
            { value: 'working', label: t('workingTime') },
          ]}
          value={time}
          onChange={(value) => setTime(value as ReportTime)}
        />
        {key && <CsvLink href={reportCsvUrl(key, range)}>{t('csv')}</CsvLink>}
      </Group>
      {key === null ? (
        reportable.isPending ? (
          <Loading />
        ) : (
          <Empty>{t('noProcesses')}</Empty>
        )
      ) : report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <ErrorNotice error={report.error} retry={() => report.refetch()} />
      ) : (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label={t('runs')} component="section">
            <Figure label={t('started')} value={String(report.data.instances.started)} />
            <Figure label={t('completed')} value={String(report.data.instances.completed)} />
            <Figure label={t('running')} value={String(report.data.instances.running)} />
            <Figure label={t('runTime')} value={duration(report.data.instances.duration.medianMs)} />
          </SimpleGrid>
          <SectionCard id="report-steps" title={t('steps')}>
            {report.data.steps.length === 0 ? (
              <Empty>{t('noTasks')}</Empty>
            ) : (
              <TimeBars
                label={t('steps')}
                rows={report.data.steps.map((s) => ({ ...s, key: s.nodeId, name: s.title }))}
                extra={(s) => (
                  <>
                    <CountBadge count={s.overdue} color="red">
                      {t('overdue', { count: s.overdue })}
                    </CountBadge>
                    <CountBadge count={s.open} color="indigo">
                      {t('open', { count: s.open, duration: duration(s.oldestOpenMs) })}
                    </CountBadge>
                  </>
                )}
                below={(s) => <WaitingList tasks={s.waiting} />}
              />
            )}
          </SectionCard>
          {report.data.departments.length > 0 && (
            <SectionCard id="report-departments" title={t('departments')}>
              <TimeBars
                label={t('departments')}
                rows={report.data.departments.map((d) => ({
                  ...d,
                  key: d.departmentId ?? '',
                  name: d.name ?? t('noDepartment'),
                }))}
                detail={(d) => t('people', { count: d.people })}
              />
            </SectionCard>
          )}
          {report.data.people.length > 0 && (
            <SectionCard id="report-people" title={t('byPerson')}>
              <TimeBars
                label={t('byPerson')}
                rows={report.data.people.map((p) => ({ ...p, key: p.userId, name: name(p.userId) }))}
                extra={(p) => (
                  <CountBadge count={p.overdue} color="red">
                    {t('overdue', { count: p.overdue })}
                  </CountBadge>
                )}
              />
            </SectionCard>
          )}
        </Stack>
      )}
    </>
  );
}

import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  datesOf,
  isDateRange,
  REPORT_PERIODS,
  type ReportPeriod,
  type ReportRange,
} from '../api/report-range.ts';
import { FilterSelect } from '../app/FilterSelect.tsx';

const DATES = 'dates';

/**
 * A report's period among a row of filters: the last 30, 90 or 365 days, or dates of one's own (two
 * date inputs, the days they start from being the period shown). Dates reach `onChange` only once they
 * make a range, so a report never asks with half a range.
 */
export function ReportRangePicker(props: {
  label: string;
  value: ReportRange;
  onChange: (range: ReportRange) => void;
}) {
  const { t } = useTranslation('reports');
  // The dates as typed: a half-typed range stays here until it makes one.
  const [dates, setDates] = useState(
    props.value.kind === 'dates' ? { from: props.value.from, to: props.value.to } : null,
  );

  const choose = (choice: string | null) => {
    if (choice === DATES) {
      const start = datesOf(props.value, Date.now());
      setDates(start);
      props.onChange({ kind: 'dates', ...start });
    } else if (choice) {
      setDates(null);
      props.onChange({ kind: 'last', days: Number(choice) as ReportPeriod });
    }
  };
  const edit = (change: Partial<{ from: string; to: string }>) => {
    if (!dates) return;
    const next = { ...dates, ...change };
    setDates(next);
    if (isDateRange(next.from, next.to)) props.onChange({ kind: 'dates', ...next });
  };

  return (
    <>
      <FilterSelect
        label={props.label}
        data={[
          ...REPORT_PERIODS.map((d) => ({ value: String(d), label: t('days', { count: d }) })),
          { value: DATES, label: t('dates') },
        ]}
        value={props.value.kind === 'last' && !dates ? String(props.value.days) : DATES}
        onChange={choose}
        clearable={false}
        allowDeselect={false}
        width={180}
      />
      {dates && (
        <>
          <TextInput
            label={t('from')}
            type="date"
            value={dates.from}
            onChange={(e) => edit({ from: e.currentTarget.value })}
            w={{ base: '47%', xs: 160 }}
          />
          <TextInput
            label={t('to')}
            type="date"
            value={dates.to}
            onChange={(e) => edit({ to: e.currentTarget.value })}
            error={isDateRange(dates.from, dates.to) ? undefined : t('notARange')}
            w={{ base: '47%', xs: 160 }}
          />
        </>
      )}
    </>
  );
}

import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCalendar, useCalendarYear } from '../../api/calendar.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CalendarSettingsForm } from './CalendarSettingsForm.tsx';
import { YearEditor } from './YearEditor.tsx';

const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** The company working calendar: the working week and hours, and each year's special days (`?year=`). */
export function CalendarPage() {
  const { t } = useTranslation('admin');
  const today = localToday();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1970 && asked <= 9999 ? asked : Number(today.slice(0, 4));
  const calendar = useCalendar();
  const days = useCalendarYear(year);
  const current = Number(today.slice(0, 4));
  const years = [
    ...new Set([...(calendar.data?.years ?? []), current - 1, current, current + 1, year]),
  ].sort();

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      {calendar.isPending ? (
        <Loading />
      ) : calendar.isError ? (
        <ErrorNotice error={calendar.error} retry={() => calendar.refetch()} />
      ) : (
        <Stack gap="lg">
          <CalendarSettingsForm settings={calendar.data} />
          <section aria-labelledby="calendar-year">
            <Title order={2} size="h4" id="calendar-year" mb="xs">
              {t('calendar.year')}
            </Title>
            {days.isPending ? (
              <Loading />
            ) : days.isError ? (
              <ErrorNotice error={days.error} retry={() => days.refetch()} />
            ) : (
              <YearEditor
                key={year}
                year={year}
                years={years}
                onYear={(next) => setParams({ year: String(next) }, { replace: true })}
                saved={days.data.days}
                workdays={calendar.data.workdays}
                today={today}
              />
            )}
          </section>
        </Stack>
      )}
    </>
  );
}

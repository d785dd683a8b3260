import { Box, Button, Group, Select, SimpleGrid, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, useSaveCalendarYear } from '../../api/calendar.ts';
import { FormModal } from '../../app/FormModal.tsx';
import { FormProblem } from '../../app/FormProblem.tsx';
import { DayForm } from './DayForm.tsx';
import { addDays, type DayStatus, isoWeekday, sameDay, sameDays, statusOf, withDay } from './days.ts';
import { MonthGrid } from './MonthGrid.tsx';

const LEGEND: DayStatus[] = ['ordinary', 'weekend', 'holiday', 'workday', 'short'];
const MONTHS = Array.from({ length: 12 }, (_, m) => m);

/**
 * One year's special days, edited locally (a date at a time) and saved together, since the server
 * replaces the year's list as a whole.
 */
export function YearEditor(props: {
  year: number;
  /** Years to choose from; picking one is refused while this year has unsaved changes. */
  years: number[];
  onYear: (year: number) => void;
  saved: CalendarDay[];
  workdays: number[];
  today: string;
}) {
  const { t, i18n } = useTranslation('admin');
  const [draft, setDraft] = useState(props.saved);
  const [focus, setFocus] = useState(() =>
    props.today.startsWith(`${props.year}-`) ? props.today : `${props.year}-01-01`,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const save = useSaveCalendarYear();
  const special = new Map(draft.map((d) => [d.date, d]));
  const before = new Map(props.saved.map((d) => [d.date, d]));
  const changed = !sameDays(draft, props.saved);
  const status = (date: string) => statusOf(date, special, props.workdays);
  const longDate = (date: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full', timeZone: 'UTC' }).format(
      new Date(`${date}T00:00:00Z`),
    );

  const move = (from: string, days: number) => {
    const next = addDays(from, days);
    if (!next.startsWith(`${props.year}-`)) return;
    setFocus(next);
    document.getElementById(`day-${next}`)?.focus();
  };
  const submit = () =>
    save.mutate(
      { year: props.year, days: draft },
      {
        onSuccess: (saved) => {
          setDraft(saved.days);
          notifications.show({ color: 'green', message: t('calendar.yearSaved', { year: props.year }) });
        },
      },
    );

  return (
    <Box>
      <Select
        label={t('calendar.pickYear')}
        description={changed ? t('calendar.saveFirst') : undefined}
        data={props.years.map(String)}
        value={String(props.year)}
        onChange={(v) => v && props.onYear(Number(v))}
        allowDeselect={false}
        disabled={changed}
        w={{ base: '100%', xs: 240 }}
        mb="md"
      />
      <Group gap="md" mb="sm" wrap="wrap" aria-label={t('calendar.legend')} role="list">
        {LEGEND.map((s) => (
          <Group key={s} gap={6} wrap="nowrap" role="listitem">
            <span className="calendar-day calendar-swatch" data-status={s} aria-hidden />
            <Text size="sm">{t(`calendar.status.${s}`)}</Text>
          </Group>
        ))}
      </Group>
      <FormProblem error={save.error} />
      <Group justify="space-between" mb="sm" gap="sm">
        <Text size="sm" c={changed ? undefined : 'dimmed'} role="status">
          {changed ? t('calendar.unsaved') : t('calendar.allSaved')}
        </Text>
        <Group gap="xs">
          <Button variant="default" disabled={!changed} onClick={() => setDraft(props.saved)}>
            {t('calendar.discard')}
          </Button>
          <Button disabled={!changed} loading={save.isPending} onClick={submit}>
            {t('calendar.saveYear', { year: props.year })}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
        {MONTHS.map((m) => (
          <MonthGrid
            key={m}
            year={props.year}
            month={m}
            statusOf={status}
            nameOf={(date) => special.get(date)?.name ?? null}
            changed={(date) => !sameDay(special.get(date), before.get(date))}
            today={props.today}
            focus={focus}
            onMove={move}
            onPick={(date) => {
              setFocus(date);
              setEditing(date);
            }}
          />
        ))}
      </SimpleGrid>
      <FormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? longDate(editing) : ''}
        size="md"
      >
        {editing && (
          <DayForm
            day={special.get(editing)}
            worked={props.workdays.includes(isoWeekday(editing))}
            onCancel={() => setEditing(null)}
            onApply={(kind, name) => {
              setDraft((days) => withDay(days, editing, kind, name));
              setEditing(null);
            }}
          />
        )}
      </FormModal>
    </Box>
  );
}

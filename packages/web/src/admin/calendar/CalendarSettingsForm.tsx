import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarSettings, useSaveCalendarSettings } from '../../api/calendar.ts';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { offsetLabel, UTC_OFFSETS } from './offsets.ts';

const FIELDS = ['workdays', 'start', 'end', 'utcOffsetMinutes'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** 1 January 2024 was a Monday: the weekday names are read from that week. */
const weekdayName = (day: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/** The working week, hours and the company's offset from UTC, which every deadline is counted in. */
export function CalendarSettingsForm({ settings }: { settings: CalendarSettings }) {
  const { t, i18n } = useTranslation('admin');
  const [workdays, setWorkdays] = useState(settings.workdays.map(String));
  const [start, setStart] = useState(settings.start);
  const [end, setEnd] = useState(settings.end);
  const [offset, setOffset] = useState(String(settings.utcOffsetMinutes));
  const save = useSaveCalendarSettings();
  const errors = fieldErrorsOf(save.error, FIELDS);
  const offsets = UTC_OFFSETS.includes(settings.utcOffsetMinutes)
    ? UTC_OFFSETS
    : [...UTC_OFFSETS, settings.utcOffsetMinutes].sort((a, b) => a - b);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      {
        workdays: workdays.map(Number).sort(),
        start: start.trim(),
        end: end.trim(),
        utcOffsetMinutes: Number(offset),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('calendar.settingsSaved') }) },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="form"
      onSubmit={submit}
      aria-labelledby="calendar-settings"
    >
      <Title order={2} size="h4" id="calendar-settings" mb="xs">
        {t('calendar.settings')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('calendar.settingsHint')}
      </Text>
      <FormProblem error={save.error} shown={errors} />
      <Checkbox.Group
        label={t('calendar.workdays')}
        value={workdays}
        onChange={setWorkdays}
        error={errors.workdays}
      >
        <Group gap="md" mt={6} mb="sm">
          {WEEKDAYS.map((d) => (
            <Checkbox key={d} value={String(d)} label={weekdayName(d, i18n.language)} />
          ))}
        </Group>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label={t('calendar.start')}
          description={t('calendar.startHint')}
          placeholder="09:00"
          inputMode="numeric"
          maxLength={5}
          required
          value={start}
          onChange={(e) => setStart(e.currentTarget.value)}
          error={errors.start}
        />
        <TextInput
          label={t('calendar.end')}
          description={t('calendar.endHint')}
          placeholder="18:00"
          inputMode="numeric"
          maxLength={5}
          required
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          error={errors.end}
        />
        <Select
          label={t('calendar.offset')}
          description={t('calendar.offsetHint')}
          data={offsets.map((m) => ({ value: String(m), label: offsetLabel(m) }))}
          value={offset}
          onChange={(v) => v !== null && setOffset(v)}
          allowDeselect={false}
          searchable
          error={errors.utcOffsetMinutes}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="md">
        <Button type="submit" loading={save.isPending} disabled={workdays.length === 0}>
          {t('calendar.saveSettings')}
        </Button>
      </Group>
    </Paper>
  );
}

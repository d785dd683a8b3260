import { Button, Checkbox, Group, Select, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CalendarSettings, useSaveCalendarSettings } from '../../api/calendar.ts';
import { FormCard } from '../../app/FormCard.tsx';
import { FormProblem, fieldErrorsOf } from '../../app/FormProblem.tsx';
import { offsetLabel, UTC_OFFSETS } from './offsets.ts';

const FIELDS = ['workdays', 'start', 'end', 'utcOffsetMinutes'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];
/** The working day's bounds, each with the example its input shows. */
const BOUNDS = { start: '09:00', end: '18:00' } as const;
/** 1 January 2024 was a Monday: the weekday names are read from that week. */
const weekdayName = (day: number, language: string) =>
  new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/** The working week, hours and the company's offset from UTC, which every deadline is counted in. */
export function CalendarSettingsForm({ settings }: { settings: CalendarSettings }) {
  const { t, i18n } = useTranslation('admin');
  const [workdays, setWorkdays] = useState(settings.workdays.map(String));
  const [hours, setHours] = useState({ start: settings.start, end: settings.end });
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
        start: hours.start.trim(),
        end: hours.end.trim(),
        utcOffsetMinutes: Number(offset),
      },
      { onSuccess: () => notifications.show({ color: 'green', message: t('calendar.settingsSaved') }) },
    );
  };

  return (
    <FormCard onSubmit={submit} aria-labelledby="calendar-settings">
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
        {(['start', 'end'] as const).map((bound) => (
          <TextInput
            key={bound}
            label={t(`calendar.${bound}`)}
            description={t(`calendar.${bound}Hint`)}
            placeholder={BOUNDS[bound]}
            inputMode="numeric"
            maxLength={5}
            required
            value={hours[bound]}
            onChange={(e) => setHours({ ...hours, [bound]: e.currentTarget.value })}
            error={errors[bound]}
          />
        ))}
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
    </FormCard>
  );
}

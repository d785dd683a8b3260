import { Radio, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarDay } from '../../api/calendar.ts';
import { FormButtons } from '../../app/FormButtons.tsx';
import { SPECIAL_KINDS, type SpecialKind } from './days.ts';

type Choice = SpecialKind | 'ordinary';

/** What one date is: as its weekday, a holiday, a moved working day or a shortened day, and its name. */
export function DayForm(props: {
  day: CalendarDay | undefined;
  /** Whether the date's weekday is worked: says what "as its weekday" means. */
  worked: boolean;
  onApply: (kind: Choice, name: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const [kind, setKind] = useState<Choice>(props.day?.kind ?? 'ordinary');
  const [name, setName] = useState(props.day?.name ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onApply(kind, name);
  };
  return (
    <form onSubmit={submit}>
      <Radio.Group label={t('calendar.kind')} value={kind} onChange={(v) => setKind(v as Choice)}>
        <Stack gap="xs" mt="xs">
          <Radio
            value="ordinary"
            label={t(props.worked ? 'calendar.kinds.ordinaryWorked' : 'calendar.kinds.ordinaryOff')}
            data-autofocus={kind === 'ordinary' || undefined}
          />
          {SPECIAL_KINDS.map((k) => (
            <Radio
              key={k}
              value={k}
              label={t(`calendar.kinds.${k}`)}
              description={t(`calendar.kinds.${k}Hint`)}
              data-autofocus={kind === k || undefined}
            />
          ))}
        </Stack>
      </Radio.Group>
      <TextInput
        mt="md"
        label={t('calendar.dayName')}
        placeholder={t('calendar.dayNameHint')}
        maxLength={200}
        disabled={kind === 'ordinary'}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <FormButtons onCancel={props.onCancel} submitLabel={t('calendar.apply')} />
    </form>
  );
}

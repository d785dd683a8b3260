import { Group, NumberInput, Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DELAY_UNITS, type DelayUnit, describeDuration } from './delay.ts';
import type { DurationDraft } from './duration-draft.ts';

/** The words of one duration's fields: the group, its two choices, the number and the unit. */
export interface DurationWords {
  label: string;
  now: string;
  after: string;
  amount: string;
  unit: string;
}

/**
 * A duration of the robot form: none, or a number of hours, days or weeks — or one set through the API
 * that the form cannot split (`P1M`), as it is.
 */
export function DurationFields(props: {
  words: DurationWords;
  value: DurationDraft;
  onChange: (change: Partial<DurationDraft>) => void;
  /** The server's message for the duration, or the form's own when the number is not one. */
  error: string | undefined;
}) {
  const { t } = useTranslation('robots');
  const { words, value, onChange } = props;
  return (
    <>
      <Radio.Group
        label={words.label}
        value={value.when}
        onChange={(when) => onChange({ when: when as DurationDraft['when'] })}
        error={value.when === 'after' ? undefined : props.error}
      >
        <Stack gap="xs" mt={4}>
          <Radio value="now" label={words.now} />
          <Radio value="after" label={words.after} />
          {value.kept && (
            <Radio value="kept" label={t('form.kept', { duration: describeDuration(value.kept, t) })} />
          )}
        </Stack>
      </Radio.Group>
      {value.when === 'after' && (
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <NumberInput
            label={words.amount}
            value={value.amount}
            onChange={(amount) => onChange({ amount })}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            error={props.error}
            style={{ flex: '1 1 6rem', minWidth: 0 }}
          />
          <Select
            label={words.unit}
            data={DELAY_UNITS.map((unit) => ({ value: unit, label: t(`form.units.${unit}`) }))}
            value={value.unit}
            onChange={(unit) => unit && onChange({ unit: unit as DelayUnit })}
            allowDeselect={false}
            style={{ flex: '1 1 8rem', minWidth: 0 }}
          />
        </Group>
      )}
    </>
  );
}

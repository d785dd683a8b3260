import { Group, NumberInput, Radio, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DELAY_UNITS, type DelayUnit, describeDuration } from './delay.ts';
import type { RobotDraft } from './robot-draft.ts';

/**
 * When the robot acts: at once, or after a number of hours, days or weeks at the stage — or, for a delay
 * set through the API that the form cannot split (`P1M`), as it is.
 */
export function WhenFields(props: {
  draft: RobotDraft;
  onChange: (change: Partial<RobotDraft>) => void;
  /** The server's message for `delay`, or the form's own when the number is not one. */
  error: string | undefined;
}) {
  const { t } = useTranslation('robots');
  const { draft, onChange } = props;
  return (
    <>
      <Radio.Group
        label={t('form.when')}
        value={draft.when}
        onChange={(when) => onChange({ when: when as RobotDraft['when'] })}
        error={draft.when === 'after' ? undefined : props.error}
      >
        <Stack gap="xs" mt={4}>
          <Radio value="now" label={t('form.now')} />
          <Radio value="after" label={t('form.after')} />
          {draft.kept && (
            <Radio value="kept" label={t('form.kept', { duration: describeDuration(draft.kept, t) })} />
          )}
        </Stack>
      </Radio.Group>
      {draft.when === 'after' && (
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <NumberInput
            label={t('form.amount')}
            value={draft.amount}
            onChange={(amount) => onChange({ amount })}
            min={1}
            allowDecimal={false}
            allowNegative={false}
            error={props.error}
            style={{ flex: '1 1 6rem', minWidth: 0 }}
          />
          <Select
            label={t('form.unit')}
            data={DELAY_UNITS.map((unit) => ({ value: unit, label: t(`form.units.${unit}`) }))}
            value={draft.unit}
            onChange={(unit) => unit && onChange({ unit: unit as DelayUnit })}
            allowDeselect={false}
            style={{ flex: '1 1 8rem', minWidth: 0 }}
          />
        </Group>
      )}
    </>
  );
}

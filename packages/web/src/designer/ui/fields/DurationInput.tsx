import { Group, Input, NumberInput, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  DURATION_UNITS,
  type DurationUnit,
  isDuration,
  joinDuration,
  splitDuration,
} from '../../model/duration.ts';

export interface DurationInputProps {
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  onBlur?: () => void;
  label: string;
  error?: string | undefined;
  required?: boolean;
  readOnly?: boolean;
}

/**
 * An ISO 8601 duration as "3 days": a number and a unit. A duration that is not one unit (`P1DT4H`, from
 * BPMN or typed by hand) is shown and edited as its ISO text.
 */
export function DurationInput({
  value,
  onChange,
  onBlur,
  label,
  error,
  required,
  readOnly,
}: DurationInputProps) {
  const { t } = useTranslation('designer');
  const parts = splitDuration(value);
  if (value && !parts) {
    return (
      <TextInput
        label={label}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value || undefined)}
        onBlur={onBlur}
        error={error ?? (isDuration(value) ? undefined : t('duration.invalid'))}
        description={t('duration.iso')}
        classNames={{ input: 'bn-code' }}
        readOnly={readOnly}
      />
    );
  }
  const unit: DurationUnit = parts?.unit ?? 'days';
  return (
    <Input.Wrapper label={label} error={error} required={required}>
      <Group gap={4} wrap="nowrap">
        <NumberInput
          aria-label={label}
          min={0}
          allowDecimal={false}
          value={parts?.amount ?? ''}
          placeholder="—"
          onChange={(v) => onChange(v === '' || v === undefined ? undefined : joinDuration(Number(v), unit))}
          onBlur={onBlur}
          readOnly={readOnly}
          style={{ flex: 1 }}
        />
        <Select
          aria-label={t('duration.unit')}
          data={DURATION_UNITS.map((u) => ({ value: u, label: t(`duration.units.${u}`) }))}
          value={unit}
          onChange={(u) => u && onChange(joinDuration(parts?.amount ?? 1, u as DurationUnit))}
          allowDeselect={false}
          readOnly={readOnly}
          w={110}
        />
      </Group>
    </Input.Wrapper>
  );
}

import { Input, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivityKind } from '../api/crm-activities.ts';
import { ACTIVITY_KINDS, KIND_ICONS } from './activity-kinds.ts';

/**
 * Call, meeting, e-mail or task as one row of buttons, each its icon over its word (narrow enough for a
 * phone); the activity dialog and the robot form both pick with it.
 */
export function ActivityKindPicker(props: {
  label: string;
  value: ActivityKind;
  onChange: (kind: ActivityKind) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('activities');
  const labelId = useId();
  return (
    <Input.Wrapper label={props.label} labelElement="div" labelProps={{ id: labelId }} error={props.error}>
      <SegmentedControl
        role="radiogroup"
        aria-labelledby={labelId}
        fullWidth
        mt={4}
        value={props.value}
        onChange={(kind) => props.onChange(kind as ActivityKind)}
        data={ACTIVITY_KINDS.map((kind) => {
          const Icon = KIND_ICONS[kind];
          return {
            value: kind,
            label: (
              <Stack gap={2} align="center">
                <Icon size={18} aria-hidden />
                <Text size="xs" span>
                  {t(`kinds.${kind}`)}
                </Text>
              </Stack>
            ),
          };
        })}
      />
    </Input.Wrapper>
  );
}

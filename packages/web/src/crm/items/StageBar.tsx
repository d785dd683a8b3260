import { Button, Group, Paper } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '../../api/crm.ts';
import { stageColor } from '../board.ts';

const KIND_ICONS = { won: IconCheck, lost: IconX } as const;

/**
 * The pipeline's stages in order, the deal's own filled in its colour; pressing another moves the deal
 * there (none when `readOnly`). Buttons wrap onto more lines on a phone rather than scroll.
 */
export function StageBar(props: {
  stages: readonly Stage[];
  current: string;
  /** The stage a move is on its way to. */
  moving: string | null;
  onMove: (stage: Stage) => void;
  readOnly?: boolean;
}) {
  const { t } = useTranslation('crm');
  return (
    <Paper withBorder radius="md" p="xs" mb="md" role="group" aria-label={t('deal.stageBar')}>
      <Group gap={6}>
        {props.stages.map((stage) => {
          const here = stage.id === props.current;
          const Icon = stage.kind === 'open' ? null : KIND_ICONS[stage.kind];
          return (
            <Button
              key={stage.id}
              size="compact-sm"
              radius="xl"
              color={stageColor(stage)}
              variant={here ? 'filled' : 'light'}
              aria-pressed={here}
              leftSection={Icon ? <Icon size={14} aria-hidden /> : undefined}
              loading={props.moving === stage.id}
              disabled={(props.readOnly && !here) || (props.moving !== null && props.moving !== stage.id)}
              onClick={() => !here && props.onMove(stage)}
            >
              {stage.name}
            </Button>
          );
        })}
      </Group>
    </Paper>
  );
}

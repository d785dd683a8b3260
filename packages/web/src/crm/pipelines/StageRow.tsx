import { ActionIcon, ColorInput, Group, Paper, Select, Text, TextInput } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { StageKind } from '../../api/crm.ts';
import { STAGE_SWATCHES, stageColor } from '../board.ts';
import { STAGE_KINDS, type StageDraft } from './pipeline-draft.ts';

export interface StageRowProps {
  stage: StageDraft;
  /** Its place, from 0: the rows' labels count from 1. */
  index: number;
  last: boolean;
  /** The server's messages for this stage, by field (`name`, `kind`, `color`). */
  errors: Record<string, string>;
  onChange: (change: Partial<StageDraft>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One stage in the pipeline settings: name, kind and colour, moved up or down, removed. */
export function StageRow({ stage, index, last, errors, onChange, onMove, onRemove }: StageRowProps) {
  const { t } = useTranslation('crm');
  const n = index + 1;
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      component="li"
      style={{ borderLeft: `4px solid ${stageColor(stage)}` }}
    >
      <Group gap="xs" align="flex-start" wrap="wrap">
        <Text fw={600} size="sm" pt={6} w="1.5rem" aria-hidden>
          {n}.
        </Text>
        <TextInput
          aria-label={t('pipelines.stageName', { n })}
          placeholder={t('pipelines.stageNamePlaceholder')}
          value={stage.name}
          onChange={(e) => onChange({ name: e.currentTarget.value })}
          error={errors.name}
          required
          style={{ flex: '1 1 10rem', minWidth: 0 }}
        />
        <Select
          aria-label={t('pipelines.stageKind', { n })}
          data={STAGE_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          value={stage.kind}
          onChange={(kind) => kind && onChange({ kind: kind as StageKind })}
          allowDeselect={false}
          error={errors.kind}
          w="8.5rem"
        />
        <ColorInput
          aria-label={t('pipelines.stageColor', { n })}
          value={stage.color ?? ''}
          onChange={(color) => onChange({ color: color || null })}
          swatches={[...STAGE_SWATCHES]}
          swatchesPerRow={5}
          withPicker={false}
          withEyeDropper={false}
          format="hex"
          error={errors.color}
          w="8rem"
        />
        <Group gap={2} wrap="nowrap" pt={4}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('pipelines.moveUp', { n })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('pipelines.moveDown', { n })}
            disabled={last}
            onClick={() => onMove(1)}
          >
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('pipelines.removeStage', { n })}
            onClick={onRemove}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      </Group>
    </Paper>
  );
}

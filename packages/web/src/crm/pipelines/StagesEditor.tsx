import { Button, Input, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import {
  addStage,
  changeStage,
  moveStage,
  removeStage,
  type StageDraft,
  stageErrorsOf,
} from './pipeline-draft.ts';
import { StageRow } from './StageRow.tsx';

/** A pipeline's stages in order, each editable; a new one is added before the won and lost ones. */
export function StagesEditor(props: {
  stages: StageDraft[];
  onChange: (stages: StageDraft[]) => void;
  /** The server's messages by path under `stages`. */
  errors: Record<string, string>;
}) {
  const { t } = useTranslation('crm');
  const { stages, onChange } = props;
  const byRow = stageErrorsOf(props.errors);
  return (
    <Input.Wrapper
      label={t('pipelines.stages')}
      description={t('pipelines.stagesHint')}
      error={props.errors.stages}
    >
      <Stack
        gap="xs"
        component="ol"
        p={0}
        mt="xs"
        style={{ listStyle: 'none' }}
        aria-label={t('pipelines.stages')}
      >
        {stages.map((stage, index) => (
          <StageRow
            key={stage.key}
            stage={stage}
            index={index}
            last={index === stages.length - 1}
            errors={byRow[index] ?? {}}
            onChange={(change) => onChange(changeStage(stages, stage.key, change))}
            onMove={(delta) => onChange(moveStage(stages, index, delta))}
            onRemove={() => onChange(removeStage(stages, stage.key))}
          />
        ))}
      </Stack>
      <Button
        mt="xs"
        size="xs"
        variant="light"
        leftSection={<IconPlus size={14} aria-hidden />}
        onClick={() => onChange(addStage(stages, ''))}
      >
        {t('pipelines.addStage')}
      </Button>
    </Input.Wrapper>
  );
}

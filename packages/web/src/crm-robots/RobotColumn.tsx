import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../api/crm.ts';
import type { Robot } from '../api/crm-robots.ts';
import type { Trigger } from '../api/crm-triggers.ts';
import { CardList } from '../app/CardList.tsx';
import { StageShell } from '../crm/StageShell.tsx';
import { StageTriggers } from '../crm-triggers/StageTriggers.tsx';
import type { TriggerDialog } from '../crm-triggers/TriggerCard.tsx';
import { RobotCard, type RobotDialog } from './RobotCard.tsx';
import { StagePart } from './StagePart.tsx';

/**
 * One stage, as Bitrix24 shows it: what moves deals to it by itself (its triggers), then what acts once
 * they are there (its robots, in the order they were set), each with a button to add one.
 */
export function RobotColumn(props: {
  pipeline: Pipeline;
  stage: Stage;
  robots: Robot[];
  triggers: Trigger[];
  onDialog: (dialog: RobotDialog) => void;
  onTriggerDialog: (dialog: TriggerDialog) => void;
}) {
  const { t } = useTranslation('robots');
  const { stage, robots } = props;
  return (
    <StageShell stage={stage} count={robots.length} countLabel={t('board.count', { count: robots.length })}>
      <StageTriggers
        pipeline={props.pipeline}
        stage={stage}
        triggers={props.triggers}
        onDialog={props.onTriggerDialog}
      />
      <StagePart
        title={t('board.robots')}
        add={t('board.add')}
        addAt={t('board.addAt', { stage: stage.name })}
        onAdd={() => props.onDialog({ kind: 'new', stageId: stage.id })}
      >
        {robots.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('board.empty')}
          </Text>
        ) : (
          <CardList aria-label={t('board.robotsAt', { stage: stage.name })}>
            {robots.map((robot) => (
              <RobotCard key={robot.id} robot={robot} onDialog={props.onDialog} />
            ))}
          </CardList>
        )}
      </StagePart>
    </StageShell>
  );
}

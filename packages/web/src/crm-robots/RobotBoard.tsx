import { Select } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../api/crm.ts';
import { useRobots } from '../api/crm-robots.ts';
import { useTriggers } from '../api/crm-triggers.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import type { TriggerDialog } from '../crm-triggers/TriggerCard.tsx';
import type { RobotDialog } from './RobotCard.tsx';
import { RobotColumn } from './RobotColumn.tsx';
import '../crm/crm.css';

/**
 * The pipeline's triggers and robots as columns, one per stage, side by side and scrolled sideways when
 * they do not fit — like the deal board; on a phone one stage at a time, picked above it (`?stage=`).
 */
export function RobotBoard(props: {
  pipeline: Pipeline;
  /** The stage a phone shows. */
  stage: Stage | null;
  onStage: (stageId: string | null) => void;
  onDialog: (dialog: RobotDialog) => void;
  onTriggerDialog: (dialog: TriggerDialog) => void;
}) {
  const { t } = useTranslation('robots');
  const { pipeline } = props;
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false }) ?? false;
  const robots = useRobots(pipeline.id);
  const triggers = useTriggers(pipeline.id);
  if (robots.isPending || triggers.isPending) return <Loading />;
  if (robots.isError) return <ErrorNotice error={robots.error} retry={() => robots.refetch()} />;
  if (triggers.isError) return <ErrorNotice error={triggers.error} retry={() => triggers.refetch()} />;
  const at = (stage: Stage) => robots.data.items.filter((r) => r.stageId === stage.id);
  const column = (stage: Stage) => (
    <RobotColumn
      key={stage.id}
      pipeline={pipeline}
      stage={stage}
      robots={at(stage)}
      triggers={triggers.data.items.filter((tr) => tr.stageId === stage.id)}
      onDialog={props.onDialog}
      onTriggerDialog={props.onTriggerDialog}
    />
  );

  if (phone)
    return (
      <>
        <Select
          label={t('board.stage')}
          data={pipeline.stages.map((s) => ({
            value: s.id,
            label: t('board.stageOption', { name: s.name, count: at(s).length }),
          }))}
          value={props.stage?.id ?? null}
          onChange={props.onStage}
          allowDeselect={false}
          mb="sm"
        />
        {props.stage && column(props.stage)}
      </>
    );
  return <div className="crm-board">{pipeline.stages.map(column)}</div>;
}

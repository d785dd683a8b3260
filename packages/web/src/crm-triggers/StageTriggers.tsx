import { useTranslation } from 'react-i18next';
import type { Pipeline, Stage } from '../api/crm.ts';
import type { Trigger } from '../api/crm-triggers.ts';
import { CardList } from '../app/CardList.tsx';
import { StagePart } from '../crm-robots/StagePart.tsx';
import { TriggerCard, type TriggerDialog } from './TriggerCard.tsx';

/** The top of a stage's column: what moves a deal or lead to the stage by itself, and a button to add one. */
export function StageTriggers(props: {
  pipeline: Pipeline;
  stage: Stage;
  triggers: Trigger[];
  onDialog: (dialog: TriggerDialog) => void;
}) {
  const { t } = useTranslation('triggers');
  const { stage, triggers } = props;
  return (
    <StagePart
      title={t('board.title')}
      add={t('board.add')}
      addAt={t('board.addAt', { stage: stage.name })}
      onAdd={() => props.onDialog({ kind: 'new', stageId: stage.id })}
    >
      {triggers.length > 0 && (
        <CardList aria-label={t('board.triggersAt', { stage: stage.name })}>
          {triggers.map((trigger) => (
            <TriggerCard
              key={trigger.id}
              pipeline={props.pipeline}
              trigger={trigger}
              onDialog={props.onDialog}
            />
          ))}
        </CardList>
      )}
    </StagePart>
  );
}

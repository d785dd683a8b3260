import { Anchor, Button, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../api/auth.ts';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { pickPipeline, pickStage } from '../crm/board.ts';
import { useUrlParam } from '../crm/url-params.ts';
import type { TriggerDialog } from '../crm-triggers/TriggerCard.tsx';
import { TriggerDialogs } from '../crm-triggers/TriggerDialogs.tsx';
import { DeleteRobot } from './DeleteRobot.tsx';
import { RobotBoard } from './RobotBoard.tsx';
import type { RobotDialog } from './RobotCard.tsx';
import { RobotForm } from './RobotForm.tsx';
import { useStagePipelines } from './use-stage-pipelines.ts';

/** The triggers and robots of a pipeline (`?pipeline=`), stage by stage, for those who manage the CRM. */
export function RobotsPage() {
  const manage = useAbility('manageCrm');
  // Everyone reads robots and triggers (the server lets them); setting them is the administrators', so
  // only they see the page and its "add" buttons.
  return manage ? <Robots /> : <ErrorNotice error={FORBIDDEN} />;
}

function Robots() {
  const { t } = useTranslation('robots');
  const pipelines = useStagePipelines();
  const [wantedPipeline, setPipeline] = useUrlParam('pipeline');
  const [wantedStage, setStage] = useUrlParam('stage');
  const [dialog, setDialog] = useState<RobotDialog | null>(null);
  const [triggerDialog, setTriggerDialog] = useState<TriggerDialog | null>(null);
  const { items } = pipelines;
  const pipeline = pickPipeline(items, wantedPipeline);
  const stage = pipeline && pickStage(pipeline, wantedStage);
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          stage && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setDialog({ kind: 'new', stageId: stage.id })}
            >
              {t('board.add')}
            </Button>
          )
        }
      />
      {pipelines.isPending ? (
        <Loading />
      ) : pipelines.error ? (
        <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />
      ) : !pipeline ? (
        <Empty>
          {t('noPipelines')}{' '}
          <Anchor component={Link} to="/admin/pipelines">
            {t('setUpPipelines')}
          </Anchor>
        </Empty>
      ) : (
        <>
          <Select
            label={t('pipeline')}
            data={(['deal', 'lead'] as const)
              .map((entity) => ({
                group: t(`pipelineGroups.${entity}`),
                items: items.filter((p) => p.entity === entity).map((p) => ({ value: p.id, label: p.name })),
              }))
              .filter((group) => group.items.length > 0)}
            value={pipeline.id}
            onChange={setPipeline}
            allowDeselect={false}
            w={{ base: '100%', xs: '16rem' }}
            mb="md"
          />
          <RobotBoard
            key={pipeline.id}
            pipeline={pipeline}
            stage={stage}
            onStage={setStage}
            onDialog={setDialog}
            onTriggerDialog={setTriggerDialog}
          />
          <FormModal
            opened={dialog?.kind === 'new' || dialog?.kind === 'edit'}
            onClose={close}
            title={
              dialog?.kind === 'edit' ? t('form.editTitle', { name: dialog.robot.name }) : t('form.newTitle')
            }
          >
            {dialog?.kind === 'new' && (
              <RobotForm pipeline={pipeline} stageId={dialog.stageId} onDone={close} />
            )}
            {dialog?.kind === 'edit' && (
              <RobotForm
                key={dialog.robot.id}
                pipeline={pipeline}
                robot={dialog.robot}
                stageId={dialog.robot.stageId}
                onDone={close}
              />
            )}
          </FormModal>
          {dialog?.kind === 'delete' && <DeleteRobot robot={dialog.robot} onClose={close} />}
          <TriggerDialogs pipeline={pipeline} dialog={triggerDialog} onClose={() => setTriggerDialog(null)} />
        </>
      )}
    </>
  );
}

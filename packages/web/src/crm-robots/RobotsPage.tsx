import { Anchor, Button, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAbility } from '../api/auth.ts';
import { usePipelines } from '../api/crm.ts';
import { FormModal } from '../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { pickPipeline, pickStage } from '../crm/board.ts';
import { useUrlParam } from '../crm/url-params.ts';
import { DeleteRobot } from './DeleteRobot.tsx';
import { RobotBoard } from './RobotBoard.tsx';
import type { RobotDialog } from './RobotCard.tsx';
import { RobotForm } from './RobotForm.tsx';

/** The robots of a pipeline (`?pipeline=`), stage by stage, for those who manage the CRM. */
export function RobotsPage() {
  const manage = useAbility('manageCrm');
  // Everyone reads robots (the server lets them); setting them is the administrators'.
  return manage ? <Robots /> : <ErrorNotice error={FORBIDDEN} />;
}

function Robots() {
  const { t } = useTranslation('robots');
  const pipelines = usePipelines();
  const [wantedPipeline, setPipeline] = useUrlParam('pipeline');
  const [wantedStage, setStage] = useUrlParam('stage');
  const [dialog, setDialog] = useState<RobotDialog | null>(null);
  const items = pipelines.data?.items ?? [];
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
      ) : pipelines.isError ? (
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
            data={items.map((p) => ({ value: p.id, label: p.name }))}
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
        </>
      )}
    </>
  );
}

import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth.ts';
import { useDeletePipeline, usePipelines } from '../../api/crm.ts';
import { CardList } from '../../app/CardList.tsx';
import { ConfirmDialog } from '../../app/ConfirmDialog.tsx';
import { FormModal } from '../../app/FormModal.tsx';
import { Empty, ErrorNotice, FORBIDDEN, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { explained } from '../problems.ts';
import { type PipelineAction, PipelineCard } from './PipelineCard.tsx';
import { PipelineForm } from './PipelineForm.tsx';

/** The pipeline settings, for those who manage the CRM: pipelines and their stages, created, changed, deleted. */
export function PipelinesPage() {
  const manage = useAbility('manageCrm');
  // Everyone reads pipelines (the board needs them); changing them is the administrators'.
  return manage ? <Pipelines /> : <ErrorNotice error={FORBIDDEN} />;
}

function Pipelines() {
  const { t } = useTranslation('crm');
  const list = usePipelines();
  const [action, setAction] = useState<PipelineAction | null>(null);
  const remove = useDeletePipeline();
  const close = () => {
    remove.reset();
    setAction(null);
  };
  const pipelines = list.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t('pipelines.title')}
        subtitle={t('pipelines.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAction({ kind: 'new' })}>
            {t('pipelines.new')}
          </Button>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : pipelines.length === 0 ? (
        <Empty>{t('pipelines.empty')}</Empty>
      ) : (
        <CardList aria-label={t('pipelines.title')}>
          {pipelines.map((p) => (
            <PipelineCard key={p.id} pipeline={p} onAction={setAction} />
          ))}
        </CardList>
      )}
      <FormModal
        opened={action?.kind === 'new' || action?.kind === 'edit'}
        onClose={close}
        title={
          action?.kind === 'edit'
            ? t('pipelines.editTitle', { name: action.pipeline.name })
            : t('pipelines.newTitle')
        }
      >
        {action?.kind === 'new' && <PipelineForm onDone={close} />}
        {action?.kind === 'edit' && (
          <PipelineForm key={action.pipeline.id} pipeline={action.pipeline} onDone={close} />
        )}
      </FormModal>
      {action?.kind === 'delete' && (
        <ConfirmDialog
          opened
          onClose={close}
          title={t('pipelines.deleteTitle', { name: action.pipeline.name })}
          confirmLabel={t('pipelines.delete')}
          pending={remove.isPending}
          error={explained(remove.error, t)}
          onConfirm={() =>
            remove.mutate(action.pipeline.id, {
              onSuccess: () => {
                notifications.show({
                  color: 'green',
                  message: t('pipelines.deleted', { name: action.pipeline.name }),
                });
                close();
              },
            })
          }
        >
          {t('pipelines.deleteConsequence')}
        </ConfirmDialog>
      )}
    </>
  );
}

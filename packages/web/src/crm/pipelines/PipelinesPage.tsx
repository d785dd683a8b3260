import { Button, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAbility } from '../../api/auth.ts';
import { type Pipeline, useDeletePipeline, usePipelines } from '../../api/crm.ts';
import { useLeadPipelines } from '../../api/crm-leads.ts';
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
  const deals = usePipelines();
  const leads = useLeadPipelines();
  const [action, setAction] = useState<PipelineAction | null>(null);
  const remove = useDeletePipeline();
  const close = () => {
    remove.reset();
    setAction(null);
  };

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
      <PipelineSection
        title={t('pipelines.dealPipelines')}
        empty={t('pipelines.empty')}
        list={deals}
        onAction={setAction}
      />
      <PipelineSection
        title={t('pipelines.leadPipelines')}
        empty={t('pipelines.leadEmpty')}
        list={leads}
        onAction={setAction}
      />
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

/** One kind's pipelines under a heading: deals', or leads'. */
function PipelineSection({
  title,
  empty,
  list,
  onAction,
}: {
  title: string;
  empty: string;
  list: UseQueryResult<{ items: Pipeline[] }>;
  onAction: (action: PipelineAction) => void;
}) {
  const pipelines = list.data?.items ?? [];
  return (
    <section aria-label={title}>
      <Title order={2} size="h4" mt="md" mb="sm">
        {title}
      </Title>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : pipelines.length === 0 ? (
        <Empty>{empty}</Empty>
      ) : (
        <CardList aria-label={title}>
          {pipelines.map((p) => (
            <PipelineCard key={p.id} pipeline={p} onAction={onAction} />
          ))}
        </CardList>
      )}
    </section>
  );
}

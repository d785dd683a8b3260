import { Anchor, Box } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../api/auth.ts';
import { type Pipeline, usePipelines } from '../../api/crm.ts';
import { useCreateDeal } from '../../api/crm-deals.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { pickPipeline } from '../board.ts';
import { useUrlParam } from '../url-params.ts';
import { DealForm } from './DealForm.tsx';
import { newDealDraft, newDealOf } from './deal-draft.ts';
import { NoPipelines } from './NoPipelines.tsx';

/** A new deal (`/crm/deals/new?pipeline=ID`): in that pipeline's first stage, with me responsible. */
export function NewDealPage() {
  const { t } = useTranslation('crm');
  const pipelines = usePipelines();
  const [wanted] = useUrlParam('pipeline');
  const me = useMe().data?.user.id ?? null;
  const items = pipelines.data?.items ?? [];
  const pipeline = pickPipeline(items, wanted);
  return (
    <>
      <PageHeader
        title={t('deal.newTitle')}
        subtitle={
          <Anchor
            component={Link}
            to={`/crm/deals${pipeline ? `?pipeline=${encodeURIComponent(pipeline.id)}` : ''}`}
            size="sm"
          >
            {t('deal.back')}
          </Anchor>
        }
      />
      {pipelines.isPending ? (
        <Loading />
      ) : pipelines.isError ? (
        <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />
      ) : !pipeline ? (
        <NoPipelines />
      ) : (
        <Box maw={760}>
          <NewDealForm pipelines={items} pipeline={pipeline} me={me} />
        </Box>
      )}
    </>
  );
}

function NewDealForm(props: { pipelines: readonly Pipeline[]; pipeline: Pipeline; me: string | null }) {
  const { t } = useTranslation('crm');
  const navigate = useNavigate();
  const create = useCreateDeal();
  const [draft, setDraft] = useState(() => newDealDraft(props.pipeline, props.me));
  return (
    <DealForm
      label={t('deal.newTitle')}
      draft={draft}
      onChange={setDraft}
      pipelines={props.pipelines}
      names={{ contact: null, company: null }}
      error={create.error}
      pending={create.isPending}
      submitLabel={t('deal.create')}
      onSubmit={() =>
        create.mutate(newDealOf(draft), {
          onSuccess: (deal) => {
            notifications.show({ color: 'green', message: t('deal.created', { title: deal.title }) });
            navigate(`/crm/deals/${encodeURIComponent(deal.id)}`, { replace: true });
          },
        })
      }
    />
  );
}

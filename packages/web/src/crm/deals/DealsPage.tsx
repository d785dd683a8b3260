import { Button, Group, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePipelines } from '../../api/crm.ts';
import { ErrorNotice, Loading } from '../../app/feedback.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { pickPipeline } from '../board.ts';
import { SearchBox } from '../SearchBox.tsx';
import { useUrlParam, useUrlSearch } from '../url-params.ts';
import { DealBoard } from './DealBoard.tsx';
import { NoPipelines } from './NoPipelines.tsx';

/** Deals on a pipeline's board: the pipeline (`?pipeline=`), a search by title, and a new deal. */
export function DealsPage() {
  const { t } = useTranslation('crm');
  const pipelines = usePipelines();
  const [wanted, setPipeline] = useUrlParam('pipeline');
  const search = useUrlSearch();
  const items = pipelines.data?.items ?? [];
  const pipeline = pickPipeline(items, wanted);

  return (
    <>
      <PageHeader
        title={t('deals.title')}
        subtitle={t('deals.subtitle')}
        actions={
          pipeline && (
            <Button
              component={Link}
              to={`/crm/deals/new?pipeline=${encodeURIComponent(pipeline.id)}`}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('deals.new')}
            </Button>
          )
        }
      />
      {pipelines.isPending ? (
        <Loading />
      ) : pipelines.isError ? (
        <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />
      ) : !pipeline ? (
        <NoPipelines />
      ) : (
        <>
          <Group gap="sm" mb="md" align="flex-end">
            {items.length > 1 && (
              <Select
                label={t('deals.pipeline')}
                data={items.map((p) => ({ value: p.id, label: p.name }))}
                value={pipeline.id}
                onChange={(id) => setPipeline(id)}
                allowDeselect={false}
                w={{ base: '100%', xs: '16rem' }}
              />
            )}
            <SearchBox label={t('deals.search')} value={search.text} onChange={search.setText} />
          </Group>
          <DealBoard key={pipeline.id} pipeline={pipeline} q={search.q} />
        </>
      )}
    </>
  );
}

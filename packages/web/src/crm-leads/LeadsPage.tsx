import { Button, Group, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLeadPipelines } from '../api/crm-leads.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { pickPipeline } from '../crm/board.ts';
import { SearchBox } from '../crm/SearchBox.tsx';
import { useUrlParam, useUrlSearch } from '../crm/url-params.ts';
import { LeadBoard } from './LeadBoard.tsx';
import { NoLeadPipelines } from './NoLeadPipelines.tsx';

/** Leads on a lead pipeline's board: the pipeline (`?pipeline=`), a search, and a new lead. */
export function LeadsPage() {
  const { t } = useTranslation('leads');
  const pipelines = useLeadPipelines();
  const [wanted, setPipeline] = useUrlParam('pipeline');
  const search = useUrlSearch();
  const items = pipelines.data?.items ?? [];
  const pipeline = pickPipeline(items, wanted);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          pipeline && (
            <Button
              component={Link}
              to={`/crm/leads/new?pipeline=${encodeURIComponent(pipeline.id)}`}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('new')}
            </Button>
          )
        }
      />
      {pipelines.isPending ? (
        <Loading />
      ) : pipelines.isError ? (
        <ErrorNotice error={pipelines.error} retry={() => pipelines.refetch()} />
      ) : !pipeline ? (
        <NoLeadPipelines />
      ) : (
        <>
          <Group gap="sm" mb="md" align="flex-end">
            {items.length > 1 && (
              <Select
                label={t('pipeline')}
                data={items.map((p) => ({ value: p.id, label: p.name }))}
                value={pipeline.id}
                onChange={(id) => setPipeline(id)}
                allowDeselect={false}
                w={{ base: '100%', xs: '16rem' }}
              />
            )}
            <SearchBox label={t('search')} value={search.text} onChange={search.setText} />
          </Group>
          <LeadBoard key={pipeline.id} pipeline={pipeline} q={search.q} />
        </>
      )}
    </>
  );
}

import { Button, Group, Select } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Pipeline } from '../../api/crm.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { pickPipeline } from '../board.ts';
import { SearchBox } from '../SearchBox.tsx';
import { useUrlParam, useUrlSearch } from '../url-params.ts';
import type { ItemKind } from './item-kind.ts';
import { PipelinesGate, type PipelinesQuery } from './PipelinesGate.tsx';

/**
 * Items on a pipeline's board: the pipeline (`?pipeline=`), a search (`?q=`), and a new item. `board`
 * renders the chosen pipeline's board for the search `q`.
 */
export function ItemsPage(props: {
  kind: ItemKind;
  pipelines: PipelinesQuery;
  board: (pipeline: Pipeline, q: string) => ReactNode;
}) {
  const { kind } = props;
  const { t } = useTranslation(kind.ns);
  const words = (key: string) => t(`${kind.listWords}${key}`);
  const [wanted, setPipeline] = useUrlParam('pipeline');
  const search = useUrlSearch();
  const items = props.pipelines.data?.items ?? [];
  const pipeline = pickPipeline(items, wanted);

  return (
    <>
      <PageHeader
        title={words('title')}
        subtitle={words('subtitle')}
        actions={
          pipeline && (
            <Button
              component={Link}
              to={`${kind.path}/new?pipeline=${encodeURIComponent(pipeline.id)}`}
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {words('new')}
            </Button>
          )
        }
      />
      <PipelinesGate kind={kind} pipelines={props.pipelines} pipeline={pipeline}>
        {(chosen) => (
          <>
            <Group gap="sm" mb="md" align="flex-end">
              {items.length > 1 && (
                <Select
                  label={words('pipeline')}
                  data={items.map((p) => ({ value: p.id, label: p.name }))}
                  value={chosen.id}
                  onChange={(id) => setPipeline(id)}
                  allowDeselect={false}
                  w={{ base: '100%', xs: '16rem' }}
                />
              )}
              <SearchBox label={words('search')} value={search.text} onChange={search.setText} />
            </Group>
            {props.board(chosen, search.q)}
          </>
        )}
      </PipelinesGate>
    </>
  );
}

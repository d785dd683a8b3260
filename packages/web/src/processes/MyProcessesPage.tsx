import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '../api/definitions.ts';
import { useInstanceList } from '../api/instances.ts';
import type { InstanceStatus } from '../api/types.ts';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { InstanceCard } from './InstanceCard.tsx';

type Filter = 'all' | InstanceStatus;

/** "My processes": the instances I started, newest first. */
export function MyProcessesPage() {
  const { t } = useTranslation('processes');
  const [filter, setFilter] = useState<Filter>('all');
  const processName = useDefinitionNames();
  const list = useInstanceList({ scope: 'mine', ...(filter === 'all' ? {} : { status: filter }) });
  return (
    <>
      <PageHeader title={t('mine.title')} subtitle={t('mine.subtitle')} />
      <SegmentedControl
        mb="md"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        aria-label={t('filters.status')}
        data={(['all', 'running', 'completed', 'terminated'] as const).map((s) => ({
          value: s,
          label: s === 'all' ? t('filters.all') : t(`status.${s}`),
        }))}
        fullWidth
        maw={520}
      />
      <PagedList query={list} empty={t('mine.empty')}>
        {(instance) => (
          <InstanceCard
            key={instance.id}
            instance={instance}
            processName={processName(instance.definitionKey)}
          />
        )}
      </PagedList>
    </>
  );
}

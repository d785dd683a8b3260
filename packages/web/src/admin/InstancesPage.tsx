import { Checkbox, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '../api/definitions.ts';
import { useInstanceList } from '../api/instances.ts';
import { useUserNames } from '../api/org.ts';
import type { InstanceFilters, InstanceStatus } from '../api/types.ts';
import { AttentionAlert, firstPageCount } from '../app/AttentionAlert.tsx';
import { FilterSelect } from '../app/FilterSelect.tsx';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { InstanceCard } from '../processes/InstanceCard.tsx';
import { TerminateButton } from '../processes/TerminateButton.tsx';
import { PersonFilter, ProcessFilter } from './ListFilters.tsx';

const STATUSES: InstanceStatus[] = ['running', 'failed', 'completed', 'terminated'];

/** "All active": every instance for administrators — filters, failed and stuck ones flagged, terminate with a reason. */
export function InstancesPage() {
  const { t } = useTranslation('admin');
  const [status, setStatus] = useState<string | null>('running');
  const [definitionKey, setDefinitionKey] = useState<string | null>(null);
  const [startedBy, setStartedBy] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [stuckOnly, setStuckOnly] = useState(false);
  const processName = useDefinitionNames();
  const name = useUserNames();
  const filters: InstanceFilters = {
    ...(status ? { status: status as InstanceStatus } : {}),
    ...(definitionKey ? { definitionKey } : {}),
    ...(startedBy ? { startedBy } : {}),
    ...(from ? { startedFrom: new Date(`${from}T00:00:00`).toISOString() } : {}),
    ...(to ? { startedTo: new Date(`${to}T00:00:00`).toISOString() } : {}),
    ...(stuckOnly ? { stuck: 'true' as const } : {}),
  };
  const list = useInstanceList(filters);
  const failed = firstPageCount(useInstanceList({ status: 'failed', limit: 100 }).data);
  const stuck = firstPageCount(useInstanceList({ status: 'running', stuck: 'true', limit: 100 }).data);

  return (
    <>
      <PageHeader title={t('instances.title')} subtitle={t('instances.subtitle')} />
      {failed.count > 0 && status !== 'failed' && (
        <AttentionAlert
          color="red"
          title={t('instances.failedTitle')}
          text={t('instances.failedCount', failed)}
          action={t('instances.showFailed')}
          onAction={() => setStatus('failed')}
        />
      )}
      {stuck.count > 0 && !stuckOnly && (
        <AttentionAlert
          color="orange"
          title={t('instances.stuckTitle')}
          text={t('instances.stuckCount', stuck)}
          action={t('instances.showStuck')}
          onAction={() => {
            setStatus('running');
            setStuckOnly(true);
          }}
        />
      )}
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <FilterSelect
          label={t('filters.status')}
          placeholder={t('filters.any')}
          data={STATUSES.map((s) => ({ value: s, label: t(`processes:status.${s}`) }))}
          value={status}
          onChange={setStatus}
          width={170}
        />
        <ProcessFilter value={definitionKey} onChange={setDefinitionKey} />
        <PersonFilter label={t('filters.startedBy')} value={startedBy} onChange={setStartedBy} />
        <TextInput
          label={t('filters.from')}
          type="date"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={{ base: '47%', xs: 160 }}
        />
        <TextInput
          label={t('filters.to')}
          type="date"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          w={{ base: '47%', xs: 160 }}
        />
        <Checkbox
          label={t('filters.stuckOnly')}
          checked={stuckOnly}
          onChange={(e) => setStuckOnly(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <PagedList query={list} empty={t('instances.empty')} label={t('instances.listLabel')}>
        {(instance) => (
          <InstanceCard
            key={instance.id}
            instance={instance}
            processName={processName(instance.definitionKey)}
            starter={name(instance.startedBy)}
            footer={
              instance.status === 'running' || instance.status === 'failed' ? (
                <Group justify="flex-end">
                  <TerminateButton
                    instanceId={instance.id}
                    processName={processName(instance.definitionKey)}
                  />
                </Group>
              ) : null
            }
          />
        )}
      </PagedList>
    </>
  );
}

import { Badge, Checkbox, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames, useDefinitions } from '../api/definitions.ts';
import { useTaskList } from '../api/tasks.ts';
import { Empty, ErrorNotice, Loading, LoadMore } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useLivePoll } from '../notifications/useMyOpenTasks.ts';
import { isOverdue, TaskCard } from './TaskCard.tsx';

type Status = 'open' | 'completed';

/** "My tasks": what waits for me (assigned to me or to a role I hold), newest first; filters and counts. */
export function MyTasksPage() {
  const { t } = useTranslation('tasks');
  const [status, setStatus] = useState<Status>('open');
  const [definitionKey, setDefinitionKey] = useState<string | null>(null);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [search, setSearch] = useState('');
  const processName = useDefinitionNames();
  const poll = useLivePoll();
  const definitions = useDefinitions().data?.items ?? [];
  const list = useTaskList(
    {
      scope: 'mine',
      status,
      ...(definitionKey ? { definitionKey } : {}),
      ...(overdueOnly && status === 'open' ? { overdue: 'true' as const } : {}),
    },
    { pollMs: status === 'open' ? poll : false },
  );
  const needle = search.trim().toLowerCase();
  const tasks = (list.data?.pages.flatMap((p) => p.items) ?? []).filter(
    (task) =>
      !needle ||
      task.title.toLowerCase().includes(needle) ||
      processName(task.definitionKey).toLowerCase().includes(needle),
  );
  const overdue = tasks.filter((task) => isOverdue(task)).length;
  const more = list.hasNextPage ? '+' : '';

  return (
    <>
      <PageHeader
        title={t('mine.title')}
        subtitle={
          status === 'open' && list.data ? (
            <Group gap="xs">
              <Badge variant="light">{t('mine.openCount', { count: tasks.length, more })}</Badge>
              {overdue > 0 && <Badge color="red">{t('mine.overdueCount', { count: overdue })}</Badge>}
            </Group>
          ) : null
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={[
            { value: 'open', label: t('filters.open') },
            { value: 'completed', label: t('filters.completed') },
          ]}
          aria-label={t('filters.status')}
        />
        <Select
          label={t('filters.process')}
          placeholder={t('filters.anyProcess')}
          data={definitions.map((d) => ({ value: d.key, label: d.name }))}
          value={definitionKey}
          onChange={setDefinitionKey}
          clearable
          searchable
          w={{ base: 'calc(50% - 6px)', xs: 220 }}
        />
        <TextInput
          label={t('filters.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: 'calc(50% - 6px)', xs: 220 }}
        />
        {status === 'open' && (
          <Checkbox
            label={t('filters.overdueOnly')}
            checked={overdueOnly}
            onChange={(e) => setOverdueOnly(e.currentTarget.checked)}
            mb={8}
          />
        )}
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorNotice error={list.error} retry={() => list.refetch()} />
      ) : tasks.length === 0 ? (
        <Empty>{status === 'open' ? t('mine.empty') : t('mine.emptyCompleted')}</Empty>
      ) : (
        <Stack gap="sm" component="section" aria-label={t('mine.listLabel')}>
          {tasks.map((task) => (
            <TaskCard key={task.id} task={task} processName={processName(task.definitionKey)} />
          ))}
        </Stack>
      )}
      <LoadMore
        hasMore={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => list.fetchNextPage()}
      />
    </>
  );
}

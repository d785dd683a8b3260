import { Badge, Button, Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../api/auth.ts';
import { useDefinitionNames, useDefinitions } from '../api/definitions.ts';
import { useTeam, useUserNames } from '../api/org.ts';
import { useTaskList } from '../api/tasks.ts';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { useLivePoll } from '../notifications/useMyOpenTasks.ts';
import { TaskCard } from './TaskCard.tsx';

type Status = 'open' | 'completed';
type When = 'overdue' | 'dueToday' | null;
type Whose = 'mine' | 'team';

/**
 * "My tasks": what waits for me (assigned to me or to a role I hold), newest first; filters and counts.
 * A head switches to their team's — everyone below them, or one of them.
 */
export function MyTasksPage() {
  const { t } = useTranslation('tasks');
  const me = useMe().data;
  const teamSize = me?.teamSize ?? 0;
  const [whose, setWhose] = useState<Whose>('mine');
  const [member, setMember] = useState<string | null>(null);
  const team = useTeam(teamSize > 0 ? me?.user.id : undefined).data ?? [];
  const name = useUserNames();
  const [status, setStatus] = useState<Status>('open');
  const [definitionKey, setDefinitionKey] = useState<string | null>(null);
  const [when, setWhen] = useState<When>(null);
  const [search, setSearch] = useState('');
  const processName = useDefinitionNames();
  const poll = useLivePoll();
  const definitions = useDefinitions().data?.items ?? [];
  const list = useTaskList(
    {
      ...(whose === 'team'
        ? { scope: 'subordinates' as const, ...(member ? { userId: member } : {}) }
        : { scope: 'mine' as const }),
      status,
      ...(definitionKey ? { definitionKey } : {}),
      ...(when && status === 'open' ? { [when]: 'true' as const } : {}),
    },
    { pollMs: status === 'open' ? poll : false },
  );
  const needle = search.trim().toLowerCase();
  const matches = (task: { title: string; definitionKey: string }) =>
    !needle ||
    task.title.toLowerCase().includes(needle) ||
    processName(task.definitionKey).toLowerCase().includes(needle);
  // With scope=mine the server counts all my open work (not just this page): open, overdue, due today.
  const answered = list.data?.pages[0]?.counts;
  const counts = answered && 'open' in answered ? answered : undefined;
  const toggle = (next: When) => setWhen((current) => (current === next ? null : next));

  return (
    <>
      <PageHeader
        title={t('mine.title')}
        subtitle={
          counts ? (
            <Group gap="xs">
              <Badge variant="light">{t('mine.openCount', { count: counts.open })}</Badge>
              {counts.overdue > 0 && (
                <Badge color="red">{t('mine.overdueCount', { count: counts.overdue })}</Badge>
              )}
              {counts.dueToday > 0 && (
                <Badge color="orange" variant="light">
                  {t('mine.dueTodayCount', { count: counts.dueToday })}
                </Badge>
              )}
            </Group>
          ) : null
        }
      />
      {teamSize > 0 && (
        <SegmentedControl
          mb="sm"
          value={whose}
          onChange={(v) => setWhose(v as Whose)}
          data={[
            { value: 'mine', label: t('mine.mineTab') },
            { value: 'team', label: t('mine.teamTab', { count: teamSize }) },
          ]}
          aria-label={t('mine.whose')}
        />
      )}
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        {whose === 'team' && (
          <Select
            label={t('filters.employee')}
            placeholder={t('filters.anyEmployee')}
            data={team.map((u) => ({ value: u.id, label: u.name }))}
            value={member}
            onChange={setMember}
            clearable
            searchable
            w={{ base: '100%', xs: 220 }}
          />
        )}
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
          <Group gap="xs" mb={4}>
            <Button
              size="xs"
              color="red"
              variant={when === 'overdue' ? 'filled' : 'light'}
              aria-pressed={when === 'overdue'}
              onClick={() => toggle('overdue')}
            >
              {t('filters.overdue')}
            </Button>
            <Button
              size="xs"
              color="orange"
              variant={when === 'dueToday' ? 'filled' : 'light'}
              aria-pressed={when === 'dueToday'}
              onClick={() => toggle('dueToday')}
            >
              {t('filters.dueToday')}
            </Button>
          </Group>
        )}
      </Group>
      <PagedList
        query={list}
        keep={matches}
        empty={
          whose === 'team'
            ? t('mine.emptyTeam')
            : status === 'open'
              ? t('mine.empty')
              : t('mine.emptyCompleted')
        }
        label={t('mine.listLabel')}
      >
        {(task) => (
          <TaskCard
            key={task.id}
            task={task}
            processName={processName(task.definitionKey)}
            {...(whose === 'team' && { assignees: task.assignees.map(name).join(', ') })}
          />
        )}
      </PagedList>
    </>
  );
}

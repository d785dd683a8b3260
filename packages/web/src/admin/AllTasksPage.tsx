import { Badge, Checkbox, Grid, Group, Paper, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefinitionNames } from '../api/definitions.ts';
import { useDepartments, useUserNames } from '../api/org.ts';
import { useTaskList } from '../api/tasks.ts';
import type { TaskFilters } from '../api/types.ts';
import { FilterSelect } from '../app/FilterSelect.tsx';
import { PagedList } from '../app/PagedList.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { TaskCard } from '../tasks/TaskCard.tsx';
import { CountsTable } from './CountsTable.tsx';
import { PersonFilter, ProcessFilter } from './ListFilters.tsx';

type Status = 'open' | 'completed' | 'cancelled';

/**
 * The owner's window: every task of every employee, filtered by department, employee, process, status
 * and deadline, with counts per department and per employee (from the server, under the same filters).
 */
export function AllTasksPage() {
  const { t } = useTranslation('admin');
  const [status, setStatus] = useState<string | null>('open');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [definitionKey, setDefinitionKey] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const processName = useDefinitionNames();
  const name = useUserNames();
  const departments = useDepartments().data?.items ?? [];
  const filters: TaskFilters = {
    scope: 'all',
    ...(status ? { status: status as Status } : {}),
    ...(departmentId ? { departmentId } : {}),
    ...(userId ? { userId } : {}),
    ...(definitionKey ? { definitionKey } : {}),
    ...(overdue ? { overdue: 'true' as const } : {}),
  };
  const list = useTaskList(filters);
  // scope=all answers the company counts (scope=mine would answer { open, overdue, dueToday }).
  const answered = list.data?.pages[0]?.counts;
  const counts = answered && 'total' in answered ? answered : undefined;

  return (
    <>
      <PageHeader
        title={t('tasks.title')}
        subtitle={
          counts ? (
            <Group gap="xs">
              <Badge variant="light">{t('tasks.total', { count: counts.total.tasks })}</Badge>
              <Badge color={counts.total.overdue > 0 ? 'red' : 'gray'}>
                {t('tasks.overdue', { count: counts.total.overdue })}
              </Badge>
            </Group>
          ) : (
            t('tasks.subtitle')
          )
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <FilterSelect
          label={t('filters.status')}
          placeholder={t('filters.any')}
          data={(['open', 'completed', 'cancelled'] as const).map((s) => ({
            value: s,
            label: t(`tasks:status.${s}`),
          }))}
          value={status}
          onChange={setStatus}
          width={160}
        />
        <FilterSelect
          label={t('filters.department')}
          placeholder={t('filters.any')}
          data={departments.map((d) => ({ value: d.id, label: d.name }))}
          value={departmentId}
          onChange={setDepartmentId}
          searchable
        />
        <PersonFilter label={t('filters.employee')} value={userId} onChange={setUserId} />
        <ProcessFilter value={definitionKey} onChange={setDefinitionKey} />
        <Checkbox
          label={t('filters.overdueOnly')}
          checked={overdue}
          onChange={(e) => setOverdue(e.currentTarget.checked)}
          mb={8}
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <PagedList query={list} empty={t('tasks.empty')} label={t('tasks.listLabel')}>
            {(task) => (
              <TaskCard
                key={task.id}
                task={task}
                processName={processName(task.definitionKey)}
                assignees={task.assignees.map(name).join(', ')}
              />
            )}
          </PagedList>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          {counts && (
            <Stack gap="md">
              <Paper withBorder p="sm" radius="md">
                <CountsTable
                  caption={t('tasks.byDepartment')}
                  rows={counts.byDepartment.map((d) => ({
                    id: d.departmentId,
                    name: d.name ?? t('tasks.noDepartment'),
                    tasks: d.tasks,
                    overdue: d.overdue,
                  }))}
                  selected={departmentId}
                  onSelect={setDepartmentId}
                />
              </Paper>
              <Paper withBorder p="sm" radius="md">
                <CountsTable
                  caption={t('tasks.byEmployee')}
                  rows={counts.byEmployee.map((e) => ({
                    id: e.userId,
                    name: e.name,
                    tasks: e.tasks,
                    overdue: e.overdue,
                  }))}
                  selected={userId}
                  onSelect={setUserId}
                />
              </Paper>
            </Stack>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

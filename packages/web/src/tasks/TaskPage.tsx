import { Accordion, Anchor, Badge, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMe } from '../api/auth.ts';
import {
  type DefinitionDocument,
  indexDefinition,
  useDefinitionNames,
  useInstanceDefinition,
} from '../api/definitions.ts';
import { useUserNames } from '../api/org.ts';
import { useTask } from '../api/tasks.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime } from '../i18n/format.ts';
import { AboutItem } from '../processes/AboutItem.tsx';
import { Documents } from '../processes/Documents.tsx';
import { HistoryTimeline } from '../processes/HistoryTimeline.tsx';
import { ProcessFiles } from '../processes/ProcessFiles.tsx';
import { DelegateTask } from './DelegateTask.tsx';
import { TaskActions } from './TaskActions.tsx';
import { isOverdue } from './TaskCard.tsx';

/** One task: what is asked, the answer buttons, delegation, and the history of its process. */
export function TaskPage() {
  const { t, i18n } = useTranslation('tasks');
  const id = useParams().id ?? '';
  const task = useTask(id);
  const me = useMe().data;
  const processName = useDefinitionNames();
  const name = useUserNames();
  const version = useInstanceDefinition(task.data?.instanceId ?? '');
  const index = indexDefinition(version.data?.definition as DefinitionDocument | undefined);

  if (task.isPending) return <Loading />;
  if (task.isError) return <ErrorNotice error={task.error} retry={() => task.refetch()} />;
  const data = task.data;
  const overdue = isOverdue(data);
  const open = data.status === 'open';

  return (
    <>
      <PageHeader
        title={data.title}
        subtitle={
          <Anchor component={Link} to={`/processes/${encodeURIComponent(data.instanceId)}`} size="sm">
            {processName(data.definitionKey)}
          </Anchor>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p={{ base: 'sm', sm: 'md' }} radius="md">
              <Group gap="xs" mb="sm" wrap="wrap">
                <Badge
                  color={open ? (overdue ? 'red' : 'indigo') : data.status === 'completed' ? 'green' : 'gray'}
                >
                  {overdue ? t('overdue') : t(`status.${data.status}`)}
                </Badge>
                <Badge variant="light" color="gray">
                  {t(`kinds.${data.kind}`, { defaultValue: data.kind })}
                </Badge>
              </Group>
              <Stack gap={2} mb="sm">
                <AboutItem documentRef={data.documentRef} />
                {data.dueAt && (
                  <Text size="sm" c={overdue ? 'red' : undefined}>
                    {t('due', { date: formatDateTime(data.dueAt, i18n.language) })}
                  </Text>
                )}
                <Text size="sm" c="dimmed">
                  {t('created', { date: formatDateTime(data.createdAt, i18n.language) })}
                </Text>
                <Text size="sm" c="dimmed" className="wrap-anywhere">
                  {t('assignees', { names: data.assignees.map(name).join(', ') })}
                </Text>
                {data.redirects.map((r) => (
                  <Text size="sm" c="orange" key={`${r.meantFor}:${r.assignee}`} className="wrap-anywhere">
                    {t('redirected', {
                      meantFor: name(r.meantFor),
                      assignee: name(r.assignee),
                      reason: t(`reasons.${r.reason}`, { defaultValue: r.reason }),
                    })}
                  </Text>
                ))}
                {data.warning && (
                  <Text size="sm" c="orange" className="wrap-anywhere">
                    {data.warning}
                  </Text>
                )}
                {!open && data.comment && (
                  <Text size="sm" fs="italic" className="wrap-anywhere">
                    «{data.comment}»
                  </Text>
                )}
                {!open && data.completedBy && (
                  <Text size="sm" className="wrap-anywhere">
                    {t('completedBy', {
                      name: name(data.completedBy),
                      date: formatDateTime(data.completedAt, i18n.language),
                      outcome: data.outcome
                        ? t(`outcomes.${data.outcome}`, { defaultValue: data.outcome })
                        : '—',
                    })}
                  </Text>
                )}
              </Stack>
              {data.form.description && (
                <Text mb="md" style={{ whiteSpace: 'pre-wrap' }} className="wrap-anywhere">
                  {data.form.description}
                </Text>
              )}
              {open ? <TaskActions task={data} /> : null}
            </Paper>
            {/* What the process was given and made — the contract to approve, the invoice to check — beside the answer. */}
            <ProcessFiles instanceId={data.instanceId} running={open} />
            <Documents instanceId={data.instanceId} running={open} endedAt={null} />
            {open && me && (
              <Accordion variant="contained" radius="md">
                <Accordion.Item value="delegate">
                  <Accordion.Control>{t('delegate.title')}</Accordion.Control>
                  <Accordion.Panel>
                    <DelegateTask
                      taskId={data.id}
                      me={me.user.id}
                      mine={data.assignees.some((a) => a === me.user.id || a === `user:${me.user.id}`)}
                    />
                  </Accordion.Panel>
                </Accordion.Item>
              </Accordion>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard id="task-history" title={t('history')}>
            <HistoryTimeline instanceId={data.instanceId} live={open} index={index} />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </>
  );
}

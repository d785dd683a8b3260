import { Alert, Anchor, Badge, Button, Grid, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAbility } from '../api/auth.ts';
import {
  type DefinitionDocument,
  indexDefinition,
  useDefinitionNames,
  useInstanceDefinition,
} from '../api/definitions.ts';
import { useInstance, useRetryInstance } from '../api/instances.ts';
import { useUserNames } from '../api/org.ts';
import { ErrorNotice, Loading } from '../app/feedback.tsx';
import { PageHeader } from '../app/PageHeader.tsx';
import { SectionCard } from '../app/SectionCard.tsx';
import { formatDateTime, formatDuration } from '../i18n/format.ts';
import { AboutItem } from './AboutItem.tsx';
import { CurrentNodes } from './CurrentNodes.tsx';
import { Documents } from './Documents.tsx';
import { HistoryTimeline } from './HistoryTimeline.tsx';
import { InstanceDiagram } from './InstanceDiagram.tsx';
import { OpenTasks } from './OpenTasks.tsx';
import { ProcessFiles } from './ProcessFiles.tsx';
import { Responses } from './Responses.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { TerminateButton } from './TerminateButton.tsx';

/**
 * The process card: status, where it is now (also on the diagram of its version), participants, open
 * tasks, the files given to it, the documents it made and the history, newest first.
 */
export function ProcessCardPage() {
  const { t, i18n } = useTranslation('processes');
  const id = useParams().id ?? '';
  const instance = useInstance(id);
  const processName = useDefinitionNames();
  const name = useUserNames();
  const administer = useAbility('administerProcesses');
  const seesAllWork = useAbility('seeAllWork');
  const retry = useRetryInstance();
  const version = useInstanceDefinition(id);
  const index = indexDefinition(version.data?.definition as DefinitionDocument | undefined);
  const nodeName = index.nodeName;

  if (instance.isPending) return <Loading />;
  if (instance.isError) return <ErrorNotice error={instance.error} retry={() => instance.refetch()} />;
  const data = instance.data;
  // The name of the version it runs, which is there also after the template was deleted.
  const title = version.data?.name ?? processName(data.definitionKey);
  const live = data.status === 'running' || data.status === 'failed';
  const openTasks = data.tasks.filter((task) => task.status === 'open');
  const here = live ? data.progress.current : [];
  const took = data.endedAt ? Date.parse(data.endedAt) - Date.parse(data.startedAt) : null;

  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <Group gap="xs" wrap="wrap">
            <StatusBadge status={data.status} />
            <Text size="sm" c="dimmed">
              {t('card.version', { version: data.definitionVersion })}
            </Text>
            {seesAllWork && (
              <Anchor
                component={Link}
                to={`/reports?process=${encodeURIComponent(data.definitionKey)}`}
                size="sm"
              >
                {t('card.report')}
              </Anchor>
            )}
          </Group>
        }
        actions={
          administer && live ? (
            <>
              {data.status === 'failed' && (
                <Button
                  size="xs"
                  variant="light"
                  loading={retry.isPending}
                  onClick={() => retry.mutate(data.id)}
                >
                  {t('card.retry')}
                </Button>
              )}
              <TerminateButton instanceId={data.id} processName={title} />
            </>
          ) : null
        }
      />
      {data.error && (
        <Alert color="red" mb="md" title={t('card.failed', { code: data.error.code })} role="alert">
          <Text size="sm" className="wrap-anywhere">
            {data.error.message}
            {data.error.nodeId ? ` (${nodeName(data.error.nodeId)})` : ''}
          </Text>
        </Alert>
      )}
      <Grid gap="md">
        {version.data && (
          <Grid.Col span={12}>
            <InstanceDiagram definition={version.data.definition} progress={data.progress} />
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <SectionCard id="card-summary" title={t('card.summary')}>
              <Stack gap={2}>
                <AboutItem documentRef={data.documentRef} />
                <Text size="sm">
                  {t('card.startedBy', {
                    name: name(data.startedBy),
                    date: formatDateTime(data.startedAt, i18n.language),
                  })}
                </Text>
                {data.endedAt && (
                  <Text size="sm">
                    {t('card.endedAt', { date: formatDateTime(data.endedAt, i18n.language) })}
                  </Text>
                )}
                {took !== null && (
                  <Text size="sm">{t('card.took', { duration: formatDuration(took, t) })}</Text>
                )}
              </Stack>
              {live && (
                <>
                  <Text size="sm" fw={600} mt="sm">
                    {t('card.whereNow')}
                  </Text>
                  <CurrentNodes nodes={here} nodeName={nodeName} />
                </>
              )}
            </SectionCard>
            {(live || openTasks.length > 0) && (
              <SectionCard id="card-tasks" title={t('card.openTasks', { count: openTasks.length })}>
                <OpenTasks tasks={openTasks} nodeName={nodeName} />
              </SectionCard>
            )}
            {data.responses.length > 0 && (
              <SectionCard id="card-responses" title={t('card.responses')}>
                <Responses responses={data.responses} nodeName={nodeName} />
              </SectionCard>
            )}
            <ProcessFiles instanceId={data.id} running={data.status === 'running'} />
            <Documents instanceId={data.id} running={data.status === 'running'} endedAt={data.endedAt} />
            <SectionCard id="card-people" title={t('card.participants')}>
              <Group gap={6}>
                {data.participants.map((p) => (
                  <Badge key={p} variant="outline" color="gray" tt="none" size="lg" className="wrap-anywhere">
                    {name(p)}
                  </Badge>
                ))}
              </Group>
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard id="card-history" title={t('card.history')}>
            <HistoryTimeline instanceId={data.id} live={data.status === 'running'} index={index} />
          </SectionCard>
          <Anchor component={Link} to="/processes" size="sm" mt="sm" display="inline-block">
            {t('card.back')}
          </Anchor>
        </Grid.Col>
      </Grid>
    </>
  );
}

import type { CompileOutcome } from '@baton/engine';
import { Alert, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconPlayerPlay, IconPlayerSkipForward, IconRefresh, IconSend, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth.ts';
import type { Doc } from '../model/doc.ts';
import { manualMessages, waitingServices } from '../model/run-services.ts';
import { completeTask, fireTimer, type RunSession, sendMessage, startRun } from '../model/test-run.ts';
import { RunAssignees } from './RunAssignees.tsx';
import { RunFieldInput, setValues } from './RunFieldInput.tsx';
import { RunServiceCall } from './RunServiceCall.tsx';
import { useRunCalendar } from './useRunCalendar.ts';
import { useRunDirectory } from './useRunDirectory.ts';

export interface TestRunPanelProps {
  doc: Doc;
  outcome: CompileOutcome | null;
  session: RunSession | null;
  setSession: (session: RunSession | null) => void;
  onClose: () => void;
}

/**
 * The test run: start parameters, then the waiting tasks with their outcomes, the timers to skip and the
 * messages to send, with the path lit on the canvas. The engine is the real one; nothing is saved.
 */
export function TestRunPanel({ doc, outcome, session, setSession, onClose }: TestRunPanelProps) {
  const { t, i18n } = useTranslation('designer');
  const [params, setParams] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(doc.parameters.filter((p) => p.default !== undefined).map((p) => [p.id, p.default])),
  );
  const [answers, setAnswers] = useState<Record<string, Record<string, unknown>>>({});
  const calendar = useRunCalendar();
  const people = useRunDirectory();
  const me = useMe().data;
  const nodeName = (id: string) => doc.nodes.find((n) => n.id === id)?.name ?? id;
  const time = (at: number) =>
    new Date(at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

  const header = (
    <Group justify="space-between" wrap="nowrap">
      <Title order={3} size="h5">
        {t('run.title')}
      </Title>
      <Group gap={4}>
        {session && (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconRefresh size={14} />}
            onClick={() => setSession(null)}
            data-testid="run-restart"
          >
            {t('run.restart')}
          </Button>
        )}
        <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClose}>
          {t('run.stop')}
        </Button>
      </Group>
    </Group>
  );

  if (!session) {
    const blocked = outcome !== null && !outcome.ok;
    return (
      <Stack gap="xs" data-testid="run-panel">
        {header}
        <Text size="sm" c="dimmed">
          {t('run.intro')}
        </Text>
        {people && (
          <Text size="sm" c="dimmed" data-testid="run-people">
            {t('run.people')}
          </Text>
        )}
        {doc.parameters.map((p) => (
          <RunFieldInput
            key={p.id}
            field={p}
            value={params[p.id]}
            onChange={(v) => setParams({ ...params, [p.id]: v })}
          />
        ))}
        {blocked && (
          <Alert color="red" p="xs">
            {t('run.blocked', { count: outcome.problems.filter((p) => p.severity === 'error').length })}
          </Alert>
        )}
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          disabled={!outcome?.ok}
          onClick={() =>
            outcome?.ok &&
            setSession(
              // Started now, by the signed-in user: tasks go to whom they would go to in production.
              startRun(
                outcome.compiled,
                { params: setValues(params), ...(me ? { starter: me.user.id } : {}) },
                { now: Date.now(), calendar, directory: people?.directory },
              ),
            )
          }
          data-testid="run-start"
          style={{ alignSelf: 'flex-start' }}
        >
          {t('run.start')}
        </Button>
      </Stack>
    );
  }

  const status = session.state.status;
  const color = status === 'completed' ? 'green' : status === 'running' ? 'blue' : 'red';
  return (
    <Stack gap="xs" data-testid="run-panel">
      {header}
      <Group gap="xs">
        <Badge color={color} data-testid="run-status" data-status={status}>
          {t(`run.status.${status}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {t('run.clock', { time: time(session.now) })}
        </Text>
      </Group>
      {session.rejected && (
        <Alert color="orange" p="xs" data-testid="run-rejected">
          {session.rejected}
        </Alert>
      )}
      {session.state.error && (
        <Alert color="red" p="xs" title={session.state.error.code}>
          {session.state.error.message}
        </Alert>
      )}
      {session.tasks.map((task) => (
        <Card key={task.taskId} withBorder p="xs" data-testid="run-task" data-node={task.nodeId}>
          <Text size="sm" fw={600}>
            {task.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`options.kind.${task.kind}`, { defaultValue: task.kind })} · {nodeName(task.nodeId)} ·{' '}
            <RunAssignees task={task} name={people?.name} />
          </Text>
          {task.fields.length > 0 && (
            <Stack gap={4} mt={4}>
              {task.fields.map((f) => (
                <RunFieldInput
                  key={f.id}
                  field={f}
                  value={answers[task.taskId]?.[f.id]}
                  onChange={(v) =>
                    setAnswers({ ...answers, [task.taskId]: { ...answers[task.taskId], [f.id]: v } })
                  }
                />
              ))}
            </Stack>
          )}
          <Group gap={4} mt={6}>
            {task.outcomes.map((o) => (
              <Button
                key={o.id}
                size="xs"
                variant={o.id === 'rejected' ? 'light' : 'filled'}
                color={o.id === 'rejected' ? 'red' : undefined}
                onClick={() =>
                  setSession(completeTask(session, task.taskId, o.id, setValues(answers[task.taskId] ?? {})))
                }
                data-testid={`run-outcome-${o.id}`}
              >
                {o.label ?? t(`run.outcomes.${o.id}`, { defaultValue: o.id })}
              </Button>
            ))}
          </Group>
        </Card>
      ))}
      {session.timers.map((timer) => (
        <Group key={timer.timerId} gap="xs" data-testid="run-timer">
          <Text size="sm">{t('run.timer', { node: nodeName(timer.nodeId), time: time(timer.dueAt) })}</Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlayerSkipForward size={14} />}
            onClick={() => setSession(fireTimer(session, timer.timerId))}
          >
            {t('run.skip')}
          </Button>
        </Group>
      ))}
      {waitingServices(session).map((call) => (
        <RunServiceCall
          key={call.key}
          call={call}
          nodeName={nodeName(call.nodeId)}
          session={session}
          setSession={setSession}
        />
      ))}
      {manualMessages(session).map((m) => (
        <Group key={m.waitId} gap="xs">
          <Text size="sm">{t('run.message', { message: m.message, node: nodeName(m.nodeId) })}</Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconSend size={14} />}
            onClick={() => setSession(sendMessage(session, m.message, m.correlationKey))}
          >
            {t('run.send')}
          </Button>
        </Group>
      ))}
      {session.outbox.length > 0 && (
        <details>
          <summary>
            <Text size="xs" span>
              {t('run.outbox', { count: session.outbox.length })}
            </Text>
          </summary>
          <ul className="bn-outbox">
            {session.outbox.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: an append-only log
              <li key={i}>
                <Text size="xs" ff="monospace">
                  {e.type} {'to' in e ? `→ ${(e.to as string[]).join(', ')}` : ''}{' '}
                  {'text' in e ? `: ${e.text}` : 'subject' in e ? `: ${e.subject}` : ''}
                </Text>
              </li>
            ))}
          </ul>
        </details>
      )}
    </Stack>
  );
}

import { Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServiceActivities } from '../api.ts';
import { answerService, type ServiceCall } from '../model/run-services.ts';
import type { RunSession } from '../model/test-run.ts';
import { RunFieldInput, setValues } from './RunFieldInput.tsx';
import { useTypeNames } from './useTypeNames.ts';

export interface RunServiceCallProps {
  call: ServiceCall;
  nodeName: string;
  session: RunSession;
  setSession: (session: RunSession) => void;
}

/**
 * A plugin activity waiting in a test run: what it called its service with, and the tester's answer in
 * the code's place — its declared outputs, or an error an error boundary may catch.
 */
export function RunServiceCall({ call, nodeName, session, setSession }: RunServiceCallProps) {
  const { t } = useTranslation('designer');
  const name = useTypeNames().name(call.service);
  const outputs = useServiceActivities().data?.find((s) => s.type === call.service)?.outputs ?? [];
  const [output, setOutput] = useState<Record<string, unknown>>({});
  const [code, setCode] = useState('');
  const [message, setMessage] = useState('');
  const inputs = Object.entries(call.input);
  return (
    <Card withBorder p="xs" data-testid="run-service" data-node={call.nodeId}>
      <Text size="sm" fw={600}>
        {t('run.service.called', { name })}
      </Text>
      <Text size="xs" c="dimmed">
        {nodeName}
      </Text>
      <Stack gap={0} mt={4} data-testid="run-service-input">
        {inputs.length === 0 && (
          <Text size="xs" c="dimmed">
            {t('run.service.noInput')}
          </Text>
        )}
        {inputs.map(([id, value]) => (
          <Text key={id} size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {id}: {JSON.stringify(value)}
          </Text>
        ))}
      </Stack>
      <Stack gap={4} mt={6}>
        {outputs.map((f) => (
          <RunFieldInput
            key={f.id}
            field={f}
            value={output[f.id]}
            onChange={(v) => setOutput({ ...output, [f.id]: v })}
            testId={`run-output-${f.id}`}
          />
        ))}
      </Stack>
      <Button
        size="xs"
        mt={6}
        leftSection={<IconCheck size={14} />}
        onClick={() => setSession(answerService(session, call, { output: setValues(output) }))}
        data-testid="run-service-answer"
      >
        {t('run.service.answer')}
      </Button>
      <details>
        <summary>
          <Text size="xs" span>
            {t('run.service.failInstead')}
          </Text>
        </summary>
        <Group gap={4} align="flex-end" wrap="wrap">
          <TextInput
            size="xs"
            label={t('run.service.errorCode')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            classNames={{ input: 'bn-code' }}
            data-testid="run-service-error-code"
          />
          <TextInput
            size="xs"
            label={t('run.service.errorMessage')}
            value={message}
            onChange={(e) => setMessage(e.currentTarget.value)}
            data-testid="run-service-error-message"
          />
          <Button
            size="xs"
            variant="light"
            color="red"
            leftSection={<IconAlertTriangle size={14} />}
            disabled={code.trim() === ''}
            onClick={() =>
              setSession(answerService(session, call, { error: { code: code.trim(), message } }))
            }
            data-testid="run-service-fail"
          >
            {t('run.service.fail')}
          </Button>
        </Group>
      </details>
    </Card>
  );
}

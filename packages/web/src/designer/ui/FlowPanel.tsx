import type { Problem } from '@baton/engine';
import {
  Alert,
  Badge,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../model/commands.ts';
import { fromCel, toCel } from '../model/condition.ts';
import type { Doc, DocFlow } from '../model/doc.ts';
import { isConditionalGateway } from '../model/kinds.ts';
import { conditionProblems } from '../model/problems.ts';
import { ConditionBuilder } from './ConditionBuilder.tsx';
import { ExpressionInput } from './fields/ExpressionInput.tsx';
import { useFormEnv } from './form-env.tsx';

export interface FlowPanelProps {
  doc: Doc;
  flow: DocFlow;
  problems: readonly Problem[];
  run: (cmd: Command, mergeKey?: string) => void;
}

/** The selected flow: name; for a gateway's flow its condition (builder or CEL) or default; for a state's flow its trigger. */
export function FlowPanel({ doc, flow, problems, run }: FlowPanelProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const source = doc.nodes.find((n) => n.id === flow.source);
  const target = doc.nodes.find((n) => n.id === flow.target);
  const conditional = isConditionalGateway(source?.type);
  const parsed = fromCel(flow.condition);
  const [mode, setMode] = useState<'builder' | 'expression'>(parsed ? 'builder' : 'expression');
  const effective = parsed ? mode : 'expression';
  const errors = conditionProblems(problems, flow.id);
  const setCondition = (condition: string) =>
    run({ do: 'setFlowCondition', flowId: flow.id, condition }, `${flow.id}:condition`);
  const label = (id: string | undefined) => doc.nodes.find((n) => n.id === id)?.name ?? id ?? '';
  const own = problems.filter((p) => p.flowId === flow.id && !(p.path ?? '').endsWith('.condition'));

  return (
    <Stack gap="sm" data-testid="flow-panel">
      <Group gap="xs">
        <Title order={3} size="h5">
          {t('flow.title')}
        </Title>
        <Badge variant="light" color="gray" ff="monospace" tt="none">
          {flow.id}
        </Badge>
      </Group>
      <Text size="sm">
        {label(source?.id)} → {label(target?.id)}
      </Text>
      {own.map((p) => (
        <Alert key={p.message} color={p.severity === 'error' ? 'red' : 'yellow'} p="xs">
          {p.message}
        </Alert>
      ))}
      <TextInput
        label={t('flow.name')}
        value={flow.name ?? ''}
        readOnly={env.readOnly}
        onChange={(e) =>
          run(
            { do: 'updateFlow', flowId: flow.id, patch: { name: e.currentTarget.value || undefined } },
            `${flow.id}:name`,
          )
        }
        onBlur={env.seal}
        data-testid="flow-name"
      />
      {conditional && (
        <>
          <Switch
            label={t('flow.default')}
            description={t('flow.defaultHint')}
            checked={flow.default === true}
            disabled={env.readOnly}
            onChange={(e) => run({ do: 'setDefaultFlow', flowId: flow.id, value: e.currentTarget.checked })}
            data-testid="flow-default"
          />
          {!flow.default && (
            <Stack gap={6}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  {t('flow.condition')}
                </Text>
                <SegmentedControl
                  size="xs"
                  value={effective}
                  onChange={(m) => setMode(m as 'builder' | 'expression')}
                  data={[
                    { value: 'builder', label: t('flow.builder'), disabled: !parsed },
                    { value: 'expression', label: t('flow.expression') },
                  ]}
                />
              </Group>
              {effective === 'builder' && parsed ? (
                <ConditionBuilder
                  value={parsed}
                  names={env.names}
                  onChange={(g) => setCondition(g.items.length > 0 ? toCel(g) : '')}
                />
              ) : (
                <ExpressionInput
                  mode="expression"
                  aria-label={t('flow.condition')}
                  value={flow.condition ?? ''}
                  names={env.names}
                  readOnly={env.readOnly}
                  onChange={setCondition}
                  onBlur={env.seal}
                  placeholder="approved && days <= 14"
                  data-testid="flow-condition"
                />
              )}
              {errors.map((p) => (
                <Text key={p.message} size="xs" c="red">
                  {p.message}
                </Text>
              ))}
              {!parsed && (
                <Text size="xs" c="dimmed">
                  {t('flow.notBuilder')}
                </Text>
              )}
              {effective === 'builder' && flow.condition && (
                <Text size="xs" c="dimmed" ff="monospace" data-testid="flow-cel">
                  {flow.condition}
                </Text>
              )}
            </Stack>
          )}
        </>
      )}
      {source?.type === 'state' && <Trigger flow={flow} run={run} />}
    </Stack>
  );
}

/** How a state-driven process leaves a state along this flow: a command, a timer or a message. */
function Trigger({ flow, run }: { flow: DocFlow; run: FlowPanelProps['run'] }) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const trigger = flow.trigger;
  const set = (next: DocFlow['trigger']) =>
    run({ do: 'updateFlow', flowId: flow.id, patch: { trigger: next } }, `${flow.id}:trigger`);
  return (
    <Stack gap={6}>
      <Select
        label={t('flow.trigger')}
        data={['command', 'timer', 'message'].map((k) => ({ value: k, label: t(`flow.triggers.${k}`) }))}
        value={trigger?.kind ?? null}
        readOnly={env.readOnly}
        onChange={(k) =>
          set(
            k === 'command'
              ? { kind: 'command', command: 'next' }
              : k === 'timer'
                ? { kind: 'timer', duration: 'P1D' }
                : k === 'message'
                  ? { kind: 'message', message: 'event' }
                  : undefined,
          )
        }
      />
      {trigger?.kind === 'command' && (
        <>
          <TextInput
            label={t('flow.command')}
            value={trigger.command}
            readOnly={env.readOnly}
            onChange={(e) => set({ ...trigger, command: e.currentTarget.value })}
            onBlur={env.seal}
          />
          <TextInput
            label={t('flow.commandLabel')}
            value={trigger.label ?? ''}
            readOnly={env.readOnly}
            onChange={(e) => set({ ...trigger, label: e.currentTarget.value || undefined })}
            onBlur={env.seal}
          />
          <ExpressionInput
            mode="expression"
            label={t('flow.allowed')}
            value={trigger.allowed ?? ''}
            names={env.names}
            readOnly={env.readOnly}
            placeholder="'lawyer' in actor.roles"
            onChange={(v) => set({ ...trigger, allowed: v || undefined })}
            onBlur={env.seal}
          />
        </>
      )}
      {trigger?.kind === 'timer' && (
        <TextInput
          label={t('fields.duration')}
          value={trigger.duration}
          readOnly={env.readOnly}
          onChange={(e) => set({ ...trigger, duration: e.currentTarget.value })}
          onBlur={env.seal}
          classNames={{ input: 'bn-code' }}
        />
      )}
      {trigger?.kind === 'message' && (
        <TextInput
          label={t('fields.message')}
          value={trigger.message}
          readOnly={env.readOnly}
          onChange={(e) => set({ ...trigger, message: e.currentTarget.value })}
          onBlur={env.seal}
        />
      )}
    </Stack>
  );
}

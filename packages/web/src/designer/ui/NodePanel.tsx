import type { Problem } from '@baton/engine';
import {
  Alert,
  Autocomplete,
  Badge,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from '../model/commands.ts';
import type { Doc, DocNode } from '../model/doc.ts';
import { isActivity } from '../model/kinds.ts';
import { fieldProblems, nodeProblems } from '../model/problems.ts';
import { formSpec, isAdvanced, isRelevant, setAt } from '../model/schema-form.ts';
import { ConfigForm } from './ConfigForm.tsx';
import { ExpressionInput } from './fields/ExpressionInput.tsx';
import { FormEnvProvider, useFormEnv } from './form-env.tsx';
import { iconOf } from './icons.ts';
import { useTypeNames } from './useTypeNames.ts';

export interface NodePanelProps {
  doc: Doc;
  node: DocNode;
  problems: readonly Problem[];
  run: (cmd: Command, mergeKey?: string) => void;
}

/** The selected node: name, role, description, its config form (from the type's JSON Schema), multi-instance. */
export function NodePanel({ doc, node, problems, run }: NodePanelProps) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const typeName = useTypeNames().name(node.type);
  const Icon = iconOf(node.type);
  const spec = formSpec(node.type);
  const own = nodeProblems(problems, node.id);
  const shown = (spec ?? []).filter((f) => isRelevant(node.type, f.key, node.config));
  const basic = shown.filter((f) => !isAdvanced(node.type, f.key));
  const advanced = shown.filter((f) => isAdvanced(node.type, f.key));
  const scoped = useMemo(
    () => ({
      ...env,
      problemAt: (path: readonly string[]) => fieldProblems(problems, doc, node.id, path)[0]?.message,
    }),
    [env, problems, doc, node.id],
  );
  const setConfig = (path: readonly string[], value: unknown) =>
    run(
      { do: 'setNodeConfig', nodeId: node.id, config: setAt(node.config, path, value) },
      `${node.id}:config.${path.join('.')}`,
    );
  const update = (patch: Partial<DocNode>, field: string) =>
    run({ do: 'updateNode', nodeId: node.id, patch }, `${node.id}:${field}`);

  return (
    <Stack gap="sm" data-testid="node-panel">
      <Group gap="xs" wrap="nowrap">
        <Icon size={20} aria-hidden />
        <Title order={3} size="h5">
          {typeName}
        </Title>
        <Badge variant="light" color="gray" ff="monospace" tt="none">
          {node.id}
        </Badge>
      </Group>
      {own.map((p) => (
        <Alert key={`${p.code}${p.message}`} color={p.severity === 'error' ? 'red' : 'yellow'} p="xs">
          {p.message}
        </Alert>
      ))}
      <TextInput
        label={t('node.name')}
        value={node.name ?? ''}
        placeholder={typeName}
        readOnly={env.readOnly}
        onChange={(e) =>
          run({ do: 'renameNode', nodeId: node.id, name: e.currentTarget.value }, `${node.id}:name`)
        }
        onBlur={env.seal}
        data-testid="node-name"
      />
      {node.type === 'userTask' && (
        <Autocomplete
          label={t('node.role')}
          description={t('node.roleHint')}
          data={[...env.knownRoles]}
          value={node.role ?? ''}
          readOnly={env.readOnly}
          onChange={(v) => update({ role: v || undefined }, 'role')}
          onBlur={env.seal}
          data-testid="node-role"
        />
      )}
      <Textarea
        label={t('node.description')}
        autosize
        minRows={1}
        value={node.description ?? ''}
        readOnly={env.readOnly}
        onChange={(e) => update({ description: e.currentTarget.value || undefined }, 'description')}
        onBlur={env.seal}
      />
      {spec && spec.length > 0 && (
        <FormEnvProvider value={scoped}>
          <ConfigForm fields={basic} value={node.config} onChange={setConfig} type={node.type} />
          {advanced.length > 0 && (
            <details className="bn-more">
              <summary>{t('node.more')}</summary>
              <ConfigForm fields={advanced} value={node.config} onChange={setConfig} type={node.type} />
            </details>
          )}
        </FormEnvProvider>
      )}
      {isActivity(node.type) && <MultiInstance node={node} update={update} />}
    </Stack>
  );
}

function MultiInstance({
  node,
  update,
}: {
  node: DocNode;
  update: (patch: Partial<DocNode>, field: string) => void;
}) {
  const { t } = useTranslation('designer');
  const env = useFormEnv();
  const mi = node.multiInstance;
  const set = (patch: Record<string, unknown>) => {
    const next: Record<string, unknown> = { ...mi, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    update({ multiInstance: next as DocNode['multiInstance'] }, 'multiInstance');
  };
  return (
    <Stack gap={6}>
      <Switch
        label={t('node.multiInstance')}
        checked={mi !== undefined}
        disabled={env.readOnly}
        onChange={(e) => {
          update(
            { multiInstance: e.currentTarget.checked ? { sequential: false, cardinality: '2' } : undefined },
            'multiInstance',
          );
          env.seal();
        }}
      />
      {mi && (
        <Stack gap={6} pl="md">
          <Switch
            label={t('node.sequential')}
            checked={mi.sequential}
            disabled={env.readOnly}
            onChange={(e) => set({ sequential: e.currentTarget.checked })}
          />
          <ExpressionInput
            mode="expression"
            label={t('node.collection')}
            value={mi.collection ?? ''}
            names={env.names}
            readOnly={env.readOnly}
            onChange={(v) => set({ collection: v })}
            onBlur={env.seal}
          />
          {!mi.collection && (
            <NumberInput
              label={t('node.cardinality')}
              min={1}
              value={Number(mi.cardinality ?? '') || ''}
              readOnly={env.readOnly}
              onChange={(v) => set({ cardinality: v === '' ? undefined : String(v) })}
            />
          )}
          <TextInput
            label={t('node.elementVariable')}
            value={mi.elementVariable ?? ''}
            readOnly={env.readOnly}
            onChange={(e) => set({ elementVariable: e.currentTarget.value })}
            onBlur={env.seal}
          />
          <ExpressionInput
            mode="expression"
            label={t('node.completionCondition')}
            value={mi.completionCondition ?? ''}
            names={env.names}
            readOnly={env.readOnly}
            onChange={(v) => set({ completionCondition: v })}
            onBlur={env.seal}
          />
          <Text size="xs" c="dimmed">
            {t('node.multiInstanceHint')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

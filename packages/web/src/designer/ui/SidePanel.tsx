import type { Problem } from '@baton/engine';
import { Button, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Selection } from '../model/canvas.ts';
import type { Command } from '../model/commands.ts';
import type { Doc } from '../model/doc.ts';
import { type ActionContext, actionById } from './actions.ts';
import { FlowPanel } from './FlowPanel.tsx';
import { NodePanel } from './NodePanel.tsx';
import { SettingsPanel } from './SettingsPanel.tsx';

export interface SidePanelProps {
  doc: Doc;
  selection: Selection;
  problems: readonly Problem[];
  run: (cmd: Command, mergeKey?: string) => void;
  stored: boolean;
  ctx: ActionContext;
}

/** Properties of what is selected: a node, a flow, several things, or (nothing selected) the template. */
export function SidePanel({ doc, selection, problems, run, stored, ctx }: SidePanelProps) {
  const { t } = useTranslation('designer');
  const count = selection.nodes.size + selection.flows.size;
  let body: React.ReactNode;
  if (count === 0) body = <SettingsPanel doc={doc} problems={problems} run={run} stored={stored} />;
  else if (selection.nodes.size === 1 && selection.flows.size === 0) {
    const node = doc.nodes.find((n) => selection.nodes.has(n.id));
    body = node ? <NodePanel key={node.id} doc={doc} node={node} problems={problems} run={run} /> : null;
  } else if (selection.flows.size === 1 && selection.nodes.size === 0) {
    const flow = doc.flows.find((f) => selection.flows.has(f.id));
    body = flow ? <FlowPanel key={flow.id} doc={doc} flow={flow} problems={problems} run={run} /> : null;
  } else
    body = (
      <Stack gap="sm">
        <Text>{t('properties.many', { nodes: selection.nodes.size, flows: selection.flows.size })}</Text>
        <Group gap={4}>
          {['copy', 'delete'].map((id) => {
            const a = actionById(id);
            const Icon = a.icon;
            return (
              <Button
                key={id}
                size="xs"
                variant="light"
                leftSection={<Icon size={14} />}
                disabled={!a.enabled(ctx)}
                onClick={() => a.perform(ctx)}
              >
                {t(a.label)}
              </Button>
            );
          })}
        </Group>
      </Stack>
    );
  return (
    <ScrollArea className="bn-side" type="auto" offsetScrollbars>
      <div className="bn-side-inner">{body}</div>
    </ScrollArea>
  );
}

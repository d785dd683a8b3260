import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FlowEdge } from './FlowEdge.tsx';
import { type NodeTexts, NodeTextsContext, NodeView } from './NodeView.tsx';
import { useTypeNames } from './useTypeNames.ts';

/** What React Flow draws a Baton diagram with, in the designer and on the process card alike. */
export const nodeTypes: NodeTypes = { baton: NodeView };
export const edgeTypes: EdgeTypes = { flow: FlowEdge };

/** Gives the node views inside their texts in the interface language. */
export function NodeTextsProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation('designer');
  const names = useTypeNames();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the texts change with the language
  const texts: NodeTexts = useMemo(
    () => ({ type: names.name, multiInstance: t('node.multiInstance') }),
    [names, t, i18n.language],
  );
  return <NodeTextsContext.Provider value={texts}>{children}</NodeTextsContext.Provider>;
}

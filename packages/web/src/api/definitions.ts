import type { Field } from '@baton/engine';
import { useQuery } from '@tanstack/react-query';
import { call } from './client.ts';
import type { DefinitionSummary } from './types.ts';

export const definitionKeys = {
  list: ['definitions', 'list'] as const,
  one: (key: string) => ['definitions', 'one', key] as const,
};

export function useDefinitions() {
  return useQuery({
    queryKey: definitionKeys.list,
    queryFn: ({ signal }) => call('GET /api/v1/definitions', { signal }),
    staleTime: 60_000,
  });
}

/** Template names by key, for lists that only carry the key. */
export function useDefinitionNames(): (key: string) => string {
  const items = useDefinitions().data?.items ?? [];
  const names = new Map(items.map((d: DefinitionSummary) => [d.key, d.name]));
  return (key) => names.get(key) ?? key;
}

/** The latest published version of a template (what a start uses). */
export function usePublishedDefinition(key: string) {
  return useQuery({
    queryKey: definitionKeys.one(key),
    queryFn: ({ signal }) => call('GET /api/v1/definitions/{key}', { path: { key }, signal }),
  });
}

/** The declarations inside a stored definition JSON; the engine's model describes their shape. */
export interface DefinitionDocument {
  name?: string;
  description?: string;
  parameters?: Field[];
  nodes?: { id: string; type: string; name?: string }[];
  flows?: { id: string; source: string; target: string; name?: string }[];
}

/** One exact version of a template (the one an instance runs), for node names. */
export function useDefinitionVersion(key: string | undefined, version: number | undefined) {
  return useQuery({
    queryKey: ['definitions', 'version', key, version],
    queryFn: ({ signal }) =>
      call('GET /api/v1/definitions/{key}', {
        path: { key: key ?? '' },
        query: { version: version ?? 1 },
        signal,
      }),
    enabled: key !== undefined && version !== undefined,
    staleTime: Number.POSITIVE_INFINITY, // a published version never changes
  });
}

export interface DefinitionIndex {
  /** A node's name (its id when it has none). */
  nodeName(nodeId: string | undefined): string;
  /** Where a flow leads: its name, else its target node's name. */
  flowLabel(flowId: string): string;
}

/** Names of nodes and flows from a definition document, for history and "where it is now". */
export function indexDefinition(document: DefinitionDocument | undefined): DefinitionIndex {
  const names = new Map((document?.nodes ?? []).map((n) => [n.id, n.name ?? n.id]));
  const flows = new Map((document?.flows ?? []).map((f) => [f.id, f]));
  const nodeName = (nodeId: string | undefined) =>
    nodeId === undefined ? '' : (names.get(nodeId) ?? nodeId);
  return {
    nodeName,
    flowLabel: (flowId) => {
      const flow = flows.get(flowId);
      return flow ? (flow.name ?? nodeName(flow.target)) : flowId;
    },
  };
}

import type { Field } from '@baton/engine';
import { useQuery } from '@tanstack/react-query';
import { call } from './client.ts';
import type { DefinitionSummary } from './types.ts';

export const definitionKeys = {
  list: ['definitions', 'list'] as const,
  catalogue: ['definitions', 'catalogue'] as const,
  reportable: ['definitions', 'reportable'] as const,
  one: (key: string) => ['definitions', 'one', key] as const,
};

export function useDefinitions() {
  return useQuery({
    queryKey: definitionKeys.list,
    queryFn: ({ signal }) => call('GET /api/v1/definitions', { signal }),
    staleTime: 60_000,
  });
}

/** The start catalogue: each template as published (name, order, icon), for editors too. */
export function useCatalogue() {
  return useQuery({
    queryKey: definitionKeys.catalogue,
    queryFn: ({ signal }) => call('GET /api/v1/definitions', { query: { published: 'true' }, signal }),
    staleTime: 60_000,
  });
}

/** The published templates made for one kind of document (`deal`), to start about such a record. */
export function useTemplatesFor(documentType: string) {
  return useQuery({
    queryKey: [...definitionKeys.catalogue, documentType],
    queryFn: ({ signal }) =>
      call('GET /api/v1/definitions', { query: { published: 'true', documentType }, signal }),
    staleTime: 60_000,
  });
}

/** The templates whose every run I see: the ones the process report covers for me. */
export function useReportableDefinitions() {
  return useQuery({
    queryKey: definitionKeys.reportable,
    queryFn: ({ signal }) => call('GET /api/v1/definitions', { query: { reportable: 'true' }, signal }),
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

/**
 * The version an instance runs on, for whoever sees the instance — whatever the template's rights, and
 * after it was deleted (the process card's names and diagram).
 */
export function useInstanceDefinition(instanceId: string) {
  return useQuery({
    queryKey: ['definitions', 'instance', instanceId],
    queryFn: ({ signal }) =>
      call('GET /api/v1/instances/{id}/definition', { path: { id: instanceId }, signal }),
    enabled: instanceId !== '',
    staleTime: Number.POSITIVE_INFINITY, // an instance keeps its version, and a published version never changes
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

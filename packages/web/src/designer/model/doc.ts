import type { Definition, DefinitionInput, Flow, ProcessNode } from '@baton/engine';

/**
 * The definition as the designer edits it: the engine's JSON with every list present. It is the single
 * source of truth — the canvas, the property panel and the problems are all derived from it.
 */
export type Doc = Definition;
export type DocNode = ProcessNode;
export type DocFlow = Flow;

/** The template-level fields the settings panel edits (everything except the graph). */
export const SETTINGS_KEYS = [
  'name',
  'description',
  'sort',
  'icon',
  'labels',
  'documentType',
  'parameters',
  'variables',
  'constants',
  'options',
] as const;
export type SettingsKey = (typeof SETTINGS_KEYS)[number];
export type Settings = Partial<Pick<Doc, SettingsKey>>;

/** Fills in the lists a stored definition may omit; keeps everything else (lanes, bpmn, …) as it is. */
export function toDoc(input: DefinitionInput | Record<string, unknown>): Doc {
  const d = input as DefinitionInput;
  return {
    ...d,
    key: d.key,
    version: d.version ?? 1,
    name: d.name ?? d.key,
    parameters: d.parameters ?? [],
    variables: d.variables ?? [],
    constants: d.constants ?? [],
    nodes: (d.nodes ?? []) as DocNode[],
    flows: d.flows ?? [],
  } as Doc;
}

/** A new, empty template: a start event, so the first drag has something to connect to. */
export function emptyDoc(key: string, name: string): Doc {
  return toDoc({
    key,
    name,
    nodes: [{ id: 'start', type: 'start', position: { x: 80, y: 160 } }],
    flows: [],
  });
}

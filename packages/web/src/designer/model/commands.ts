import { BEHAVIORS, removals } from './behaviors.ts';
import type { Doc, DocFlow, DocNode, Settings } from './doc.ts';
import { isBoundary, isEnd } from './kinds.ts';
import { applyOps, type Op } from './ops.ts';

type NodePatch = Partial<Pick<DocNode, 'name' | 'description' | 'role' | 'multiInstance' | 'config'>>;
type FlowPatch = Partial<Pick<DocFlow, 'name' | 'condition' | 'default' | 'trigger'>>;
export interface Move {
  id: string;
  x: number;
  y: number;
}

/**
 * Every edit the designer can make, by name (`do`) with its parameters. Undo, redo and autosave see only
 * these.
 */
export interface CommandParams {
  /** Adds nodes (and flows between them): a drop from the palette. */
  addNodes: { nodes: DocNode[]; flows?: DocFlow[] };
  /** Adds copied elements with fresh ids (see clipboard.ts). */
  paste: { nodes: DocNode[]; flows: DocFlow[] };
  /** Removes nodes with their flows, boundary events and children, and flows. */
  removeElements: { nodeIds: string[]; flowIds: string[] };
  connect: { flow: DocFlow };
  reconnect: { flowId: string; source: string; target: string };
  moveNodes: { moves: Move[] };
  /** Same as moveNodes, for every node: named apart so the undo menu says what it undoes. */
  layout: { moves: Move[] };
  renameNode: { nodeId: string; name: string };
  setNodeConfig: { nodeId: string; config: Record<string, unknown> };
  /** Description, role, multi-instance; `undefined` removes the field. */
  updateNode: { nodeId: string; patch: NodePatch };
  setFlowCondition: { flowId: string; condition: string | undefined };
  setDefaultFlow: { flowId: string; value: boolean };
  /** Name or trigger of a flow; `undefined` removes the field. */
  updateFlow: { flowId: string; patch: FlowPatch };
  setSettings: { settings: Settings };
}
export type CommandName = keyof CommandParams;
export type Command = { [K in CommandName]: { do: K } & CommandParams[K] }[CommandName];

type Handlers = { [K in CommandName]: (doc: Doc, cmd: Extract<Command, { do: K }>) => Op[] };

/** `base` with `patch` merged; keys set to `undefined` in the patch are removed. */
function patched<T extends object>(base: T, patch: Partial<T>): T {
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  return out as T;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function updateNode(doc: Doc, nodeId: string, patch: Partial<DocNode>): Op[] {
  const before = doc.nodes.find((n) => n.id === nodeId);
  if (!before) return [];
  const after = patched(before, patch);
  return sameJson(before, after) ? [] : [{ op: 'updateNode', before, after }];
}

function updateFlow(doc: Doc, flowId: string, patch: Partial<DocFlow>): Op[] {
  const before = doc.flows.find((f) => f.id === flowId);
  if (!before) return [];
  const after = patched(before, patch);
  return sameJson(before, after) ? [] : [{ op: 'updateFlow', before, after }];
}

function addAll(doc: Doc, nodes: DocNode[], flows: DocFlow[]): Op[] {
  const used = new Set([...doc.nodes.map((n) => n.id), ...doc.flows.map((f) => f.id)]);
  for (const x of [...nodes, ...flows]) {
    if (used.has(x.id)) throw new Error(`id "${x.id}" is already used`);
    used.add(x.id);
  }
  return [
    ...nodes.map((node, i): Op => ({ op: 'addNode', node, index: doc.nodes.length + i })),
    ...flows.map((flow, i): Op => ({ op: 'addFlow', flow, index: doc.flows.length + i })),
  ];
}

function moves(doc: Doc, list: Move[]): Op[] {
  const wanted = new Map(list.map((m) => [m.id, m]));
  const out: Op[] = [];
  for (const before of doc.nodes) {
    const m = wanted.get(before.id);
    if (!m) continue;
    const x = Math.round(m.x);
    const y = Math.round(m.y);
    if (before.position?.x === x && before.position?.y === y) continue;
    out.push({ op: 'updateNode', before, after: { ...before, position: { ...before.position, x, y } } });
  }
  return out;
}

/**
 * Why a flow from `source` to `target` may not be drawn, or null when it may: nothing leaves an end
 * event, nothing enters a start or boundary event, no self-loops on a node, no second identical flow.
 */
export function connectionProblem(
  doc: Doc,
  source: string,
  target: string,
  except?: string,
): 'self' | 'fromEnd' | 'intoStart' | 'duplicate' | 'missing' | null {
  const s = doc.nodes.find((n) => n.id === source);
  const t = doc.nodes.find((n) => n.id === target);
  if (!s || !t) return 'missing';
  if (source === target) return 'self';
  if (isEnd(s.type)) return 'fromEnd';
  if (t.type === 'start' || isBoundary(t.type)) return 'intoStart';
  if (doc.flows.some((f) => f.id !== except && f.source === source && f.target === target))
    return 'duplicate';
  return null;
}

const HANDLERS: Handlers = {
  addNodes: (doc, c) => addAll(doc, c.nodes, c.flows ?? []),
  paste: (doc, c) => addAll(doc, c.nodes, c.flows),
  removeElements: (doc, c) => [
    ...removals(doc.flows, new Set(c.flowIds), (flow, index): Op => ({ op: 'removeFlow', flow, index })),
    ...removals(doc.nodes, new Set(c.nodeIds), (node, index): Op => ({ op: 'removeNode', node, index })),
  ],
  connect: (doc, c) =>
    connectionProblem(doc, c.flow.source, c.flow.target) ? [] : addAll(doc, [], [c.flow]),
  reconnect: (doc, c) =>
    connectionProblem(doc, c.source, c.target, c.flowId)
      ? []
      : updateFlow(doc, c.flowId, { source: c.source, target: c.target }),
  moveNodes: (doc, c) => moves(doc, c.moves),
  layout: (doc, c) => moves(doc, c.moves),
  renameNode: (doc, c) => updateNode(doc, c.nodeId, { name: c.name.trim() === '' ? undefined : c.name }),
  setNodeConfig: (doc, c) =>
    updateNode(doc, c.nodeId, { config: Object.keys(c.config).length === 0 ? undefined : c.config }),
  updateNode: (doc, c) => updateNode(doc, c.nodeId, c.patch),
  setFlowCondition: (doc, c) =>
    updateFlow(doc, c.flowId, { condition: c.condition?.trim() ? c.condition : undefined }),
  setDefaultFlow: (doc, c) => updateFlow(doc, c.flowId, { default: c.value ? true : undefined }),
  updateFlow: (doc, c) => updateFlow(doc, c.flowId, c.patch),
  setSettings: (doc, c) => {
    const before: Settings = {};
    const after: Settings = {};
    for (const [key, value] of Object.entries(c.settings) as [keyof Settings, unknown][]) {
      if (sameJson(doc[key], value)) continue;
      (before as Record<string, unknown>)[key] = doc[key];
      (after as Record<string, unknown>)[key] = value;
    }
    return Object.keys(after).length === 0 ? [] : [{ op: 'settings', before, after }];
  },
};

/** Behaviour rounds are bounded: a rule that keeps answering another is a bug, not a loop to run forever. */
const MAX_ROUNDS = 8;

/**
 * Runs a command: its own ops, then the behaviours' follow-ups until none are left. Returns every op
 * (so the whole edit undoes as one) and the definition after them. No ops: the command changed nothing.
 */
export function runCommand(doc: Doc, cmd: Command): { ops: Op[]; doc: Doc } {
  const first = (HANDLERS[cmd.do] as (doc: Doc, cmd: Command) => Op[])(doc, cmd);
  let current = applyOps(doc, first);
  const all = [...first];
  let fresh: Op[] = first;
  for (let round = 0; fresh.length > 0 && round < MAX_ROUNDS; round++) {
    const next: Op[] = [];
    for (const behavior of BEHAVIORS) {
      const extra = behavior(current, fresh, all);
      if (extra.length === 0) continue;
      current = applyOps(current, extra);
      next.push(...extra);
      all.push(...extra);
    }
    fresh = next;
  }
  return { ops: all, doc: current };
}

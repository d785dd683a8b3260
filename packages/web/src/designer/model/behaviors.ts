import type { Doc, DocFlow, DocNode } from './doc.ts';
import { isConditionalGateway } from './kinds.ts';
import type { Op } from './ops.ts';

/**
 * Domain rules as small interceptors (bpmn-js's behaviours): each looks at the ops a command just
 * applied and the definition after them, and returns the follow-up ops that keep the model sound.
 * They run after every command until nothing follows (`applied` is the last round's ops, `all` every op
 * of the command so far), so no command has to remember them.
 */
export type Behavior = (doc: Doc, applied: readonly Op[], all: readonly Op[]) => Op[];

/** Removal ops for elements, highest index first so each recorded index is valid when applied. */
export function removals<T extends { id: string }>(
  list: readonly T[],
  ids: ReadonlySet<string>,
  make: (item: T, index: number) => Op,
): Op[] {
  const out: Op[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as T;
    if (ids.has(item.id)) out.push(make(item, i));
  }
  return out;
}

const removedNodes = (ops: readonly Op[]) =>
  new Set(ops.flatMap((o) => (o.op === 'removeNode' ? [o.node.id] : [])));

/** Boundary events go with their activity, a sub-process's children with it. */
export const removeAttached: Behavior = (doc, applied) => {
  const gone = removedNodes(applied);
  if (gone.size === 0) return [];
  const follow = new Set(
    doc.nodes
      .filter((n) => (n.attachedTo && gone.has(n.attachedTo)) || (n.parent && gone.has(n.parent)))
      .map((n) => n.id),
  );
  return removals(doc.nodes, follow, (node, index) => ({ op: 'removeNode', node, index }));
};

/** A flow cannot outlive either of its ends. */
export const removeDanglingFlows: Behavior = (doc, applied) => {
  const gone = removedNodes(applied);
  if (gone.size === 0) return [];
  const dangling = new Set(
    doc.flows.filter((f) => gone.has(f.source) || gone.has(f.target)).map((f) => f.id),
  );
  return removals(doc.flows, dangling, (flow, index) => ({ op: 'removeFlow', flow, index }));
};

interface Touched {
  before: DocFlow | null;
  after: DocFlow;
}

function touchedFlows(ops: readonly Op[]): Touched[] {
  const out: Touched[] = [];
  for (const o of ops) {
    if (o.op === 'addFlow') out.push({ before: null, after: o.flow });
    else if (o.op === 'updateFlow') out.push({ before: o.before, after: o.after });
  }
  return out;
}

function withoutKey<T extends object>(value: T, key: keyof T): T {
  const { [key]: _drop, ...rest } = value;
  return rest as T;
}

/** Only flows leaving exclusive and inclusive gateways may be default flows (bpmn-js UnsetDefaultFlowBehavior). */
export const unsetDefaultFlow: Behavior = (doc, applied) => {
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const out: Op[] = [];
  for (const { after } of touchedFlows(applied)) {
    const current = doc.flows.find((f) => f.id === after.id);
    if (current?.default && !isConditionalGateway(types.get(current.source)))
      out.push({ op: 'updateFlow', before: current, after: withoutKey(current, 'default') });
  }
  return out;
};

/**
 * A gateway has one default flow, and the default flow has no condition: making a flow the default
 * unsets the others and drops its condition; giving the default flow a condition makes it an ordinary one.
 */
export const oneDefault: Behavior = (doc, applied) => {
  const out: Op[] = [];
  for (const { before, after } of touchedFlows(applied)) {
    const current = doc.flows.find((f) => f.id === after.id);
    if (!current?.default) continue;
    const becameDefault = !before?.default;
    if (becameDefault) {
      for (const other of doc.flows)
        if (other.id !== current.id && other.source === current.source && other.default)
          out.push({ op: 'updateFlow', before: other, after: withoutKey(other, 'default') });
      if (current.condition !== undefined)
        out.push({ op: 'updateFlow', before: current, after: withoutKey(current, 'condition') });
    } else if (current.condition !== undefined && current.condition !== before?.condition) {
      out.push({ op: 'updateFlow', before: current, after: withoutKey(current, 'default') });
    }
  }
  return out;
};

/** Boundary events and a sub-process's children move with their host, unless moved themselves. */
export const followHost: Behavior = (doc, applied, all) => {
  const moved = new Map<string, { dx: number; dy: number }>();
  const updated = new Set(all.flatMap((o) => (o.op === 'updateNode' ? [o.after.id] : [])));
  for (const o of applied) {
    if (o.op !== 'updateNode') continue;
    const a = o.before.position;
    const b = o.after.position;
    if (a && b && (a.x !== b.x || a.y !== b.y)) moved.set(o.after.id, { dx: b.x - a.x, dy: b.y - a.y });
  }
  if (moved.size === 0) return [];
  const out: Op[] = [];
  for (const n of doc.nodes) {
    const host = n.attachedTo ?? n.parent;
    const delta = host === undefined ? undefined : moved.get(host);
    if (!delta || updated.has(n.id) || !n.position) continue;
    const after: DocNode = {
      ...n,
      position: { ...n.position, x: n.position.x + delta.dx, y: n.position.y + delta.dy },
    };
    out.push({ op: 'updateNode', before: n, after });
  }
  return out;
};

/**
 * A task that decides (approve; request information that may be refused) writes a boolean variable —
 * `approved` unless renamed. Declare it when it is not, so the conditions after the task can use it and
 * the condition builder offers it.
 */
export const declareDecision: Behavior = (doc, applied) => {
  const wanted = new Set<string>();
  for (const o of applied) {
    const node = o.op === 'addNode' ? o.node : o.op === 'updateNode' ? o.after : null;
    const c = node?.type === 'userTask' ? (node.config ?? {}) : null;
    if (!c) continue;
    const decides = c.kind === 'approve' || (c.kind === 'requestInfo' && c.allowReject === true);
    const name = typeof c.resultVariable === 'string' ? c.resultVariable : 'approved';
    if (decides && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) wanted.add(name);
  }
  const declared = new Set([...doc.parameters, ...doc.variables, ...doc.constants].map((f) => f.id));
  const missing = [...wanted].filter((name) => !declared.has(name));
  if (missing.length === 0) return [];
  const variables = [...doc.variables, ...missing.map((id) => ({ id, type: 'boolean' as const }))];
  return [{ op: 'settings', before: { variables: doc.variables }, after: { variables } }];
};

/** In order: removals cascade first, then flow rules, then data, then geometry. */
export const BEHAVIORS: readonly Behavior[] = [
  removeAttached,
  removeDanglingFlows,
  unsetDefaultFlow,
  oneDefault,
  declareDecision,
  followHost,
];

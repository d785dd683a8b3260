import type { Doc, DocFlow, DocNode, Settings } from './doc.ts';

/**
 * The primitive edits every command is made of. Each carries what it needs to be undone (the removed
 * element and its index, the value before), so inverting a list of ops is mechanical and exact.
 */
export type Op =
  | { op: 'addNode'; node: DocNode; index: number }
  | { op: 'removeNode'; node: DocNode; index: number }
  | { op: 'updateNode'; before: DocNode; after: DocNode }
  | { op: 'addFlow'; flow: DocFlow; index: number }
  | { op: 'removeFlow'; flow: DocFlow; index: number }
  | { op: 'updateFlow'; before: DocFlow; after: DocFlow }
  | { op: 'settings'; before: Settings; after: Settings };

type Inverse = { [K in Op['op']]: (op: Extract<Op, { op: K }>) => Op };

const INVERSE: Inverse = {
  addNode: (o) => ({ op: 'removeNode', node: o.node, index: o.index }),
  removeNode: (o) => ({ op: 'addNode', node: o.node, index: o.index }),
  updateNode: (o) => ({ op: 'updateNode', before: o.after, after: o.before }),
  addFlow: (o) => ({ op: 'removeFlow', flow: o.flow, index: o.index }),
  removeFlow: (o) => ({ op: 'addFlow', flow: o.flow, index: o.index }),
  updateFlow: (o) => ({ op: 'updateFlow', before: o.after, after: o.before }),
  settings: (o) => ({ op: 'settings', before: o.after, after: o.before }),
};

/** The ops that undo `ops`: each inverted, in reverse order. */
export function invert(ops: readonly Op[]): Op[] {
  const out: Op[] = [];
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = ops[i] as Op;
    out.push((INVERSE[op.op] as (o: Op) => Op)(op));
  }
  return out;
}

/** A list with an id index built on first use, so many updates cost one pass, not one each. */
class Draft<T extends { id: string }> {
  private items: T[] | null = null;
  private index: Map<string, number> | null = null;
  constructor(private readonly original: T[]) {}

  private list(): T[] {
    if (!this.items) this.items = this.original.slice();
    return this.items;
  }
  private position(id: string): number {
    if (!this.index) this.index = new Map(this.list().map((x, i) => [x.id, i]));
    const at = this.index.get(id);
    if (at === undefined) throw new Error(`no element "${id}"`);
    return at;
  }
  insert(item: T, at: number) {
    this.list().splice(Math.min(at, this.list().length), 0, item);
    this.index = null;
  }
  remove(id: string) {
    this.list().splice(this.position(id), 1);
    this.index = null;
  }
  replace(item: T) {
    this.list()[this.position(item.id)] = item;
  }
  result(): T[] {
    return this.items ?? this.original;
  }
}

interface Working {
  nodes: Draft<DocNode>;
  flows: Draft<DocFlow>;
  settings: Settings | null;
}

type Appliers = { [K in Op['op']]: (w: Working, op: Extract<Op, { op: K }>) => void };

const APPLY: Appliers = {
  addNode: (w, o) => w.nodes.insert(o.node, o.index),
  removeNode: (w, o) => w.nodes.remove(o.node.id),
  updateNode: (w, o) => w.nodes.replace(o.after),
  addFlow: (w, o) => w.flows.insert(o.flow, o.index),
  removeFlow: (w, o) => w.flows.remove(o.flow.id),
  updateFlow: (w, o) => w.flows.replace(o.after),
  settings: (w, o) => {
    w.settings = { ...w.settings, ...o.after };
  },
};

/**
 * Applies ops to a definition without modifying it. Unchanged nodes and flows keep their identity, so
 * the canvas re-renders only what an edit touched. A settings key whose value is `undefined` is removed.
 */
export function applyOps(doc: Doc, ops: readonly Op[]): Doc {
  if (ops.length === 0) return doc;
  const w: Working = { nodes: new Draft(doc.nodes), flows: new Draft(doc.flows), settings: null };
  for (const o of ops) (APPLY[o.op] as (w: Working, o: Op) => void)(w, o);
  const next: Doc = { ...doc, nodes: w.nodes.result(), flows: w.flows.result() };
  for (const [key, value] of Object.entries(w.settings ?? {})) {
    if (value === undefined) delete (next as Record<string, unknown>)[key];
    else (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

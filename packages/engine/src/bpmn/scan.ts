import { MAX_SUBPROCESS_DEPTH } from '../model/nesting.ts';
import { classify, type Note } from './classify.ts';
import { idOf, is, type ModdleElement, many, one } from './moddle.ts';

/** A flow node that becomes a Baton node. */
export interface ScannedNode {
  el: ModdleElement;
  type: string;
  /** Id of the enclosing sub-process node. */
  parent?: string;
  notes: Note[];
}

/** What a process holds, sorted by what Baton makes of it. */
export interface ProcessScan {
  /** Pre-order: a sub-process's children follow it. */
  nodes: ScannedNode[];
  /** Sequence flows between two nodes, container by container (outer containers first). */
  flows: ModdleElement[];
  /** Flow nodes Baton cannot execute; their content (an event sub-process's children) is not scanned. */
  unsupported: { el: ModdleElement; what: string }[];
  /** Ids of everything in `nodes` and `flows`: the elements a definition owns. */
  owned: Set<string>;
}

/** Sorts a process's flow elements into nodes, flows between nodes, and unsupported elements. */
export function scanProcess(process: ModdleElement): ProcessScan {
  const scan: ProcessScan = { nodes: [], flows: [], unsupported: [], owned: new Set() };
  const containers: ModdleElement[] = [];
  // Depth first, as recursion would go, but on a stack of the containers being read: a file nesting
  // sub-processes thousands deep must not overflow the call stack.
  const open = [
    { parent: undefined as string | undefined, elements: many(process, 'flowElements').values() },
  ];
  containers.push(process);
  for (let top = open.at(-1); top; top = open.at(-1)) {
    const next = top.elements.next();
    if (next.done) {
      open.pop();
      continue;
    }
    const el = next.value;
    const { parent } = top;
    const c = classify(el);
    if (c.role === 'unsupported') scan.unsupported.push({ el, what: c.what });
    if (c.role !== 'node') continue;
    if (c.type === 'subProcess' && open.length > MAX_SUBPROCESS_DEPTH) {
      scan.unsupported.push({
        el,
        what: `a sub-process nested more than ${MAX_SUBPROCESS_DEPTH} levels deep`,
      });
      continue;
    }
    scan.nodes.push({ el, type: c.type, ...(parent === undefined ? {} : { parent }), notes: c.notes });
    scan.owned.add(idOf(el));
    if (c.type === 'subProcess') {
      containers.push(el);
      open.push({ parent: idOf(el), elements: many(el, 'flowElements').values() });
    }
  }
  for (const container of containers) {
    for (const el of many(container, 'flowElements')) {
      if (!is(el, 'bpmn:SequenceFlow')) continue;
      const source = one(el, 'sourceRef');
      const target = one(el, 'targetRef');
      if (source && target && scan.owned.has(idOf(source)) && scan.owned.has(idOf(target))) {
        scan.flows.push(el);
      }
    }
  }
  for (const el of scan.flows) scan.owned.add(idOf(el));
  return scan;
}

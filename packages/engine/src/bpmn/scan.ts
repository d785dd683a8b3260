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
  const visit = (container: ModdleElement, parent: string | undefined) => {
    containers.push(container);
    for (const el of many(container, 'flowElements')) {
      const c = classify(el);
      if (c.role === 'unsupported') scan.unsupported.push({ el, what: c.what });
      if (c.role !== 'node') continue;
      scan.nodes.push({ el, type: c.type, ...(parent === undefined ? {} : { parent }), notes: c.notes });
      scan.owned.add(idOf(el));
      if (c.type === 'subProcess') visit(el, idOf(el));
    }
  };
  visit(process, undefined);
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

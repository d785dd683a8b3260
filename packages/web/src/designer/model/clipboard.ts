import type { Command } from './commands.ts';
import type { Doc, DocFlow, DocNode } from './doc.ts';
import { idAllocator } from './ids.ts';

/** What Ctrl+C takes: nodes, the flows between them, and what belongs to them (boundary events, children). */
export interface Fragment {
  kind: 'baton.fragment';
  nodes: DocNode[];
  flows: DocFlow[];
}

export function copy(doc: Doc, nodeIds: Iterable<string>): Fragment {
  const chosen = new Set(nodeIds);
  // Belonging is transitive: a child of a copied sub-process may have boundary events of its own.
  for (let grew = true; grew; ) {
    grew = false;
    for (const n of doc.nodes) {
      const owner = n.attachedTo ?? n.parent;
      if (owner !== undefined && chosen.has(owner) && !chosen.has(n.id)) {
        chosen.add(n.id);
        grew = true;
      }
    }
  }
  return {
    kind: 'baton.fragment',
    nodes: doc.nodes.filter((n) => chosen.has(n.id)),
    flows: doc.flows.filter((f) => chosen.has(f.source) && chosen.has(f.target)),
  };
}

/** A fragment read back from the system clipboard, or null when the text is something else. */
export function parseFragment(text: string): Fragment | null {
  try {
    const value = JSON.parse(text) as Partial<Fragment>;
    if (value?.kind !== 'baton.fragment' || !Array.isArray(value.nodes) || !Array.isArray(value.flows))
      return null;
    return value as Fragment;
  } catch {
    return null;
  }
}

/**
 * The paste command for a fragment: every element gets a fresh id (made from its old one), references
 * inside the fragment follow, a child whose sub-process stayed behind becomes top-level, a boundary event
 * whose activity stayed behind is left out, and positions shift by `offset`.
 */
export function pasteCommand(doc: Doc, fragment: Fragment, offset = { x: 40, y: 40 }): Command {
  const fresh = idAllocator(doc);
  const base = (id: string) => id.replace(/\d+$/, '') || 'node';
  const inFragment = new Set(fragment.nodes.map((n) => n.id));
  const taken = fragment.nodes.filter((n) => n.attachedTo === undefined || inFragment.has(n.attachedTo));
  const ids = new Map(taken.map((n) => [n.id, fresh(base(n.id))]));
  const nodes = taken.map((n): DocNode => {
    const { attachedTo, parent, ...rest } = n;
    const owner = attachedTo ?? parent;
    const kept = owner !== undefined && ids.has(owner);
    return {
      ...rest,
      id: ids.get(n.id) as string,
      ...(kept && attachedTo !== undefined ? { attachedTo: ids.get(attachedTo) as string } : {}),
      ...(kept && parent !== undefined ? { parent: ids.get(parent) as string } : {}),
      ...(n.position
        ? { position: { ...n.position, x: n.position.x + offset.x, y: n.position.y + offset.y } }
        : {}),
    };
  });
  const flows = fragment.flows
    .filter((f) => ids.has(f.source) && ids.has(f.target))
    .map((f): DocFlow => {
      const { waypoints: _drop, ...rest } = f;
      return {
        ...rest,
        id: fresh('flow'),
        source: ids.get(f.source) as string,
        target: ids.get(f.target) as string,
      };
    });
  return { do: 'paste', nodes, flows };
}

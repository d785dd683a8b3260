import type { DocNode } from './doc.ts';

/** Case-insensitive match of a node's name, id or type against a search text (all words must match). */
export function matches(node: DocNode, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  const hay = `${node.name ?? ''} ${node.id} ${node.type}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/** Nodes matching the search, in definition order. */
export function search(nodes: readonly DocNode[], query: string): DocNode[] {
  return nodes.filter((n) => matches(n, query));
}

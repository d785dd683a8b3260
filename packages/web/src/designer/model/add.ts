import type { Command } from './commands.ts';
import type { Doc, DocNode } from './doc.ts';
import { idAllocator } from './ids.ts';
import { isEnd, shapeOf, sizeOf } from './kinds.ts';
import { GAP_X } from './layout.ts';
import { initialConfig, needsHost } from './palette.ts';

interface Point {
  x: number;
  y: number;
}

/** The activity under a point, for dropping a boundary event onto it. */
export function hostAt(doc: Doc, at: Point): DocNode | undefined {
  const hits = doc.nodes.filter((n) => {
    if (!n.position || shapeOf(n.type) === 'event' || shapeOf(n.type) === 'gateway') return false;
    const s = sizeOf(n);
    return (
      at.x >= n.position.x &&
      at.x <= n.position.x + s.width &&
      at.y >= n.position.y &&
      at.y <= n.position.y + s.height
    );
  });
  // The innermost (last drawn, smallest) wins: an activity inside a sub-process over the sub-process.
  return hits.sort((a, b) => sizeOf(a).width * sizeOf(a).height - sizeOf(b).width * sizeOf(b).height)[0];
}

/**
 * The command that adds a node of `type` centred on `at` (a drop on the canvas). A boundary event needs
 * an activity under the point and sits on its bottom edge; dropped elsewhere it adds nothing (null).
 */
export function addAtCommand(doc: Doc, type: string, at: Point): Command | null {
  const id = idAllocator(doc)(type);
  const size = sizeOf({ type });
  const config = initialConfig(type);
  if (needsHost(type)) {
    const host = hostAt(doc, at);
    if (!host?.position) return null;
    const hs = sizeOf(host);
    const node: DocNode = {
      id,
      type,
      attachedTo: host.id,
      ...(host.parent ? { parent: host.parent } : {}),
      ...(config ? { config } : {}),
      position: {
        x: Math.round(
          Math.min(Math.max(at.x - size.width / 2, host.position.x), host.position.x + hs.width - size.width),
        ),
        y: Math.round(host.position.y + hs.height - size.height / 2),
      },
    };
    return { do: 'addNodes', nodes: [node] };
  }
  const parent = doc.nodes.find((n) => n.type === 'subProcess' && hostAt(doc, at)?.id === n.id);
  const node: DocNode = {
    id,
    type,
    ...(config ? { config } : {}),
    ...(parent ? { parent: parent.id } : {}),
    position: { x: Math.round(at.x - size.width / 2), y: Math.round(at.y - size.height / 2) },
  };
  return { do: 'addNodes', nodes: [node] };
}

/**
 * The command that adds a node after `previous`, to its right and connected to it: a click on the
 * palette with one node selected (how a process is drawn on a phone, or from the keyboard).
 */
export function addAfterCommand(doc: Doc, type: string, previousId: string): Command | null {
  const previous = doc.nodes.find((n) => n.id === previousId);
  if (!previous?.position || isEnd(previous.type) || needsHost(type)) return null;
  const fresh = idAllocator(doc);
  const id = fresh(type);
  const ps = sizeOf(previous);
  const size = sizeOf({ type });
  const x = previous.position.x + ps.width + GAP_X;
  const centre = previous.position.y + ps.height / 2;
  // Below whatever already follows `previous` in that column, so branches fan out instead of overlapping.
  const taken = doc.nodes.filter(
    (n) => n.position && Math.abs(n.position.x + sizeOf(n).width / 2 - (x + size.width / 2)) < size.width,
  );
  let y = centre - size.height / 2;
  while (
    taken.some(
      (n) =>
        n.position && Math.abs(n.position.y + sizeOf(n).height / 2 - (y + size.height / 2)) < size.height,
    )
  )
    y += size.height + 40;
  const config = initialConfig(type);
  const node: DocNode = {
    id,
    type,
    ...(config ? { config } : {}),
    ...(previous.parent ? { parent: previous.parent } : {}),
    position: { x: Math.round(x), y: Math.round(y) },
  };
  if (type === 'start') return { do: 'addNodes', nodes: [node] };
  return { do: 'addNodes', nodes: [node], flows: [{ id: fresh('flow'), source: previous.id, target: id }] };
}

import type { Bounds, DefinitionInput } from '../model/index.ts';
import type { WriteContext } from './codecs.ts';
import type { TargetDocument } from './document.ts';
import { type Box, layout } from './layout.ts';
import { idOf, is, type ModdleElement, many, one } from './moddle.ts';

type Point = { x: number; y: number };

/**
 * Writes BPMNDI: every node gets a shape (its position, else its stored shape's bounds, else a
 * simple layout) and every flow an edge (its waypoints, else the stored ones, else a routed line).
 * Shapes of elements Baton does not own are left as they are.
 */
export function writeDiagram(
  definition: DefinitionInput,
  doc: TargetDocument,
  nodes: Map<string, ModdleElement>,
  flows: Map<string, ModdleElement>,
  ctx: WriteContext,
): Map<string, Box> {
  const { moddle } = ctx;
  const shapes = new Map<string, ModdleElement>();
  const planes = many(doc.definitions, 'diagrams').flatMap((d) => one(d, 'plane') ?? []);
  for (const plane of planes) {
    for (const di of many(plane, 'planeElement')) {
      const id = idOf(one(di, 'bpmnElement') ?? di);
      if (!shapes.has(id)) shapes.set(id, di);
    }
  }
  const main = mainPlane(doc, planes, nodes) ?? newPlane(doc, ctx);
  const planeFor = (parent: string | undefined) =>
    planes.find((p) => parent !== undefined && idOf(one(p, 'bpmnElement') ?? p) === parent) ?? main;
  const add = (plane: ModdleElement, di: ModdleElement) => {
    di.$parent = plane;
    plane.set('planeElement', [...many(plane, 'planeElement'), di]);
  };

  const known = new Map<string, Bounds>();
  for (const node of definition.nodes) {
    const stored = one(shapes.get(node.id), 'bounds');
    const bounds = node.position ?? (stored ? boundsOf(stored) : undefined);
    if (bounds) known.set(node.id, bounds);
  }
  const boxes = layout(definition, known);
  for (const node of definition.nodes) {
    const box = boxes.get(node.id) as Box;
    let shape = shapes.get(node.id);
    if (!shape) {
      const el = nodes.get(node.id) as ModdleElement;
      shape = moddle.create('bpmndi:BPMNShape', { id: ctx.newId(`${node.id}_di`), bpmnElement: el });
      if (node.type === 'subProcess') shape.set('isExpanded', true);
      if (node.type === 'exclusive') shape.set('isMarkerVisible', true);
      add(planeFor(node.parent), shape);
    }
    shape.set('bpmnElement', nodes.get(node.id));
    if (node.position || !one(shape, 'bounds')) shape.set('bounds', moddle.create('dc:Bounds', { ...box }));
  }
  for (const flow of definition.flows ?? []) {
    let edge = shapes.get(flow.id);
    if (!edge) {
      edge = moddle.create('bpmndi:BPMNEdge', { id: ctx.newId(`${flow.id}_di`) });
      add(planeFor(definition.nodes.find((n) => n.id === flow.source)?.parent), edge);
    }
    edge.set('bpmnElement', flows.get(flow.id));
    if (flow.waypoints || many(edge, 'waypoint').length === 0) {
      const source = definition.nodes.find((n) => n.id === flow.source);
      const points =
        flow.waypoints ??
        route(boxes.get(flow.source) as Box, boxes.get(flow.target) as Box, source?.attachedTo !== undefined);
      edge.set(
        'waypoint',
        points.map((p) => moddle.create('dc:Point', { x: p.x, y: p.y })),
      );
    }
  }
  return boxes;
}

function boundsOf(b: ModdleElement): Bounds {
  const n = (name: string) => Number(b.get(name) ?? 0);
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
}

/** The plane already drawing the process's nodes, else the one showing the process or its pool. */
function mainPlane(doc: TargetDocument, planes: ModdleElement[], nodes: Map<string, ModdleElement>) {
  const drawsNodes = planes.find((p) =>
    many(p, 'planeElement').some((di) => nodes.has(idOf(one(di, 'bpmnElement') ?? di))),
  );
  return (
    drawsNodes ??
    planes.find((p) => {
      const shown = one(p, 'bpmnElement');
      return (
        shown === doc.process || many(shown, 'participants').some((x) => one(x, 'processRef') === doc.process)
      );
    }) ??
    planes[0]
  );
}

function newPlane(doc: TargetDocument, ctx: WriteContext): ModdleElement {
  const collaboration = many(doc.definitions, 'rootElements').find(
    (r) =>
      is(r, 'bpmn:Collaboration') &&
      many(r, 'participants').some((p) => one(p, 'processRef') === doc.process),
  );
  const base = idOf(doc.process);
  const plane = ctx.moddle.create('bpmndi:BPMNPlane', {
    id: ctx.newId(`${base}_plane`),
    bpmnElement: collaboration ?? doc.process,
  });
  const diagram = ctx.moddle.create('bpmndi:BPMNDiagram', { id: ctx.newId(`${base}_diagram`), plane });
  plane.$parent = diagram;
  diagram.$parent = doc.definitions;
  doc.definitions.set('diagrams', [...many(doc.definitions, 'diagrams'), diagram]);
  return plane;
}

/** A line from source to target: straight, elbowed, or (backwards) around below both. */
function route(s: Box, t: Box, fromBoundary: boolean): Point[] {
  const end = { x: t.x, y: t.y + t.height / 2 };
  if (fromBoundary) {
    const start = { x: s.x + s.width / 2, y: s.y + s.height };
    return [start, { x: start.x, y: end.y }, end];
  }
  const start = { x: s.x + s.width, y: s.y + s.height / 2 };
  if (end.x >= start.x) {
    if (Math.abs(start.y - end.y) < 1) return [start, end];
    const mid = (start.x + end.x) / 2;
    return [start, { x: mid, y: start.y }, { x: mid, y: end.y }, end];
  }
  const below = Math.max(s.y + s.height, t.y + t.height) + 40;
  const from = { x: s.x + s.width / 2, y: s.y + s.height };
  const to = { x: t.x + t.width / 2, y: t.y + t.height };
  return [from, { x: from.x, y: below }, { x: to.x, y: below }, to];
}

import type { DefinitionInput } from '../model/index.ts';
import type { WriteContext } from './codecs.ts';
import type { TargetDocument } from './document.ts';
import type { Box } from './layout.ts';
import { idOf, type ModdleElement, many, one } from './moddle.ts';

const HEADER = 30;
const MARGIN = 40;
const MIN_LANE = 120;

/**
 * A new document whose process has lanes gets a pool: modelers draw lanes only inside a participant.
 * Returns the participant, to be drawn by `drawPool` once the nodes are placed.
 */
export function addPool(definition: DefinitionInput, doc: TargetDocument, ctx: WriteContext): ModdleElement {
  const base = idOf(doc.process);
  const participant = ctx.moddle.create('bpmn:Participant', {
    id: ctx.newId(`Participant_${base}`),
    name: definition.name,
    processRef: doc.process,
  });
  const collaboration = ctx.moddle.create('bpmn:Collaboration', {
    id: ctx.newId(`Collaboration_${base}`),
    participants: [participant],
  });
  participant.$parent = collaboration;
  collaboration.$parent = doc.definitions;
  doc.definitions.set('rootElements', [collaboration, ...many(doc.definitions, 'rootElements')]);
  return participant;
}

/** Shapes for the pool and its lanes: horizontal bands around each lane's nodes, stacked in lane order. */
export function drawPool(
  definition: DefinitionInput,
  doc: TargetDocument,
  participant: ModdleElement,
  boxes: Map<string, Box>,
  ctx: WriteContext,
): void {
  const plane = one(many(doc.definitions, 'diagrams')[0], 'plane');
  if (!plane) return;
  const top = definition.nodes.filter((n) => n.parent === undefined).flatMap((n) => boxes.get(n.id) ?? []);
  const left = Math.min(...top.map((b) => b.x), 160) - MARGIN - 2 * HEADER;
  const right = Math.max(...top.map((b) => b.x + b.width), left + 600) + MARGIN;
  const lanes = many(many(doc.process, 'laneSets')[0], 'lanes');
  const shapes: ModdleElement[] = [];
  let y: number | undefined;
  let start = 0;
  for (const lane of lanes) {
    const inLane = many(lane, 'flowNodeRef').flatMap((el) => boxes.get(idOf(el)) ?? []);
    const low = Math.min(...inLane.map((b) => b.y)) - MARGIN;
    const high = Math.max(...inLane.map((b) => b.y + b.height)) + MARGIN;
    const laneTop =
      y === undefined ? (Number.isFinite(low) ? low : 0) : Math.max(y, Number.isFinite(low) ? low : y);
    if (y === undefined) start = laneTop;
    const bottom = Math.max(laneTop + MIN_LANE, Number.isFinite(high) ? high : 0);
    shapes.push(
      shape(ctx, lane, {
        x: left + HEADER,
        y: laneTop,
        width: right - left - HEADER,
        height: bottom - laneTop,
      }),
    );
    y = bottom;
  }
  const poolShape = shape(ctx, participant, {
    x: left,
    y: start,
    width: right - left,
    height: (y ?? start + MIN_LANE) - start,
  });
  const rest = many(plane, 'planeElement');
  for (const s of [poolShape, ...shapes]) s.$parent = plane;
  plane.set('planeElement', [poolShape, ...shapes, ...rest]);
}

function shape(ctx: WriteContext, el: ModdleElement, box: Box): ModdleElement {
  return ctx.moddle.create('bpmndi:BPMNShape', {
    id: ctx.newId(`${idOf(el)}_di`),
    bpmnElement: el,
    isHorizontal: true,
    bounds: ctx.moddle.create('dc:Bounds', { ...box }),
  });
}

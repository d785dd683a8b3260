import type { Bounds, Flow } from '../model/index.ts';
import { is, type ModdleElement, many, one, str } from './moddle.ts';

type Point = NonNullable<Flow['waypoints']>[number];

/** Diagram geometry by BPMN element id: shape bounds and edge waypoints from every plane. */
export interface Geometry {
  bounds: Map<string, Bounds>;
  waypoints: Map<string, Point[]>;
}

export function readGeometry(definitions: ModdleElement): Geometry {
  const geometry: Geometry = { bounds: new Map(), waypoints: new Map() };
  for (const diagram of many(definitions, 'diagrams')) {
    for (const di of many(one(diagram, 'plane'), 'planeElement')) {
      const id = str(one(di, 'bpmnElement'), 'id');
      if (id === undefined) continue;
      const b = one(di, 'bounds');
      if (is(di, 'bpmndi:BPMNShape') && b && !geometry.bounds.has(id)) {
        geometry.bounds.set(id, {
          x: num(b, 'x'),
          y: num(b, 'y'),
          width: num(b, 'width'),
          height: num(b, 'height'),
        });
      }
      if (is(di, 'bpmndi:BPMNEdge') && !geometry.waypoints.has(id)) {
        geometry.waypoints.set(
          id,
          many(di, 'waypoint').map((p) => ({ x: num(p, 'x'), y: num(p, 'y') })),
        );
      }
    }
  }
  return geometry;
}

function num(el: ModdleElement, name: string): number {
  const value = el.get(name);
  return typeof value === 'number' ? value : Number(value ?? 0);
}

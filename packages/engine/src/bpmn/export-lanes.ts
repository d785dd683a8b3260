import type { BpmnModdle } from 'bpmn-moddle';
import type { DefinitionInput } from '../model/index.ts';
import type { TargetDocument } from './document.ts';
import { readLanes } from './import-lanes.ts';
import { idOf, type ModdleElement, many, one } from './moddle.ts';

/**
 * Writes `definition.lanes` into the process's lane sets: stored lanes keep their place in the
 * nesting (and their references to elements Baton does not own), lanes no longer defined go, new
 * ones join the first lane set. Then marks with `baton:role` the nodes whose role the lanes do not give.
 */
export function writeLanes(
  moddle: BpmnModdle,
  definition: DefinitionInput,
  doc: TargetDocument,
  nodes: Map<string, ModdleElement>,
): void {
  const wanted = new Map((definition.lanes ?? []).map((lane) => [lane.id, lane]));
  const existing = new Map<string, ModdleElement>();
  const prune = (laneSet: ModdleElement): boolean => {
    const kept = many(laneSet, 'lanes').filter((lane) => wanted.has(idOf(lane)));
    for (const lane of kept) {
      existing.set(idOf(lane), lane);
      const child = one(lane, 'childLaneSet');
      if (child && !prune(child)) lane.set('childLaneSet', undefined);
    }
    laneSet.set('lanes', kept);
    return kept.length > 0;
  };
  const laneSets = many(doc.process, 'laneSets').filter(prune);

  for (const lane of definition.lanes ?? []) {
    let el = existing.get(lane.id);
    if (!el) {
      el = moddle.create('bpmn:Lane', { id: lane.id });
      let laneSet = laneSets[0];
      if (!laneSet) {
        laneSet = moddle.create('bpmn:LaneSet', { id: `LaneSet_${idOf(doc.process)}` });
        laneSet.$parent = doc.process;
        laneSets.push(laneSet);
      }
      el.$parent = laneSet;
      laneSet.set('lanes', [...many(laneSet, 'lanes'), el]);
    }
    el.set('name', lane.name === '' ? undefined : lane.name);
    const foreign = many(el, 'flowNodeRef').filter((ref) => !doc.owned.has(idOf(ref)));
    const refs = lane.nodeIds.flatMap((id) => nodes.get(id) ?? []);
    el.set('flowNodeRef', [...foreign, ...refs]);
  }
  doc.process.set('laneSets', laneSets);

  const { roles } = readLanes(doc.process, new Set(nodes.keys()));
  for (const node of definition.nodes) {
    if (node.role !== undefined && node.role !== roles.get(node.id))
      nodes.get(node.id)?.set('baton:role', node.role);
  }
}

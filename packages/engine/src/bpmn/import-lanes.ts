import type { DefinitionInput } from '../model/index.ts';
import { idOf, type ModdleElement, many, one, str } from './moddle.ts';

export type Lane = NonNullable<DefinitionInput['lanes']>[number];

/**
 * Every lane of the process (nested ones too, parents before children) and each node's role: the
 * name of the innermost named lane holding it.
 */
export function readLanes(
  process: ModdleElement,
  nodeIds: Set<string>,
): { lanes: Lane[]; roles: Map<string, string> } {
  const lanes: Lane[] = [];
  const roles = new Map<string, string>();
  const visit = (laneSet: ModdleElement | undefined) => {
    for (const lane of many(laneSet, 'lanes')) {
      const name = str(lane, 'name') ?? '';
      const ids = many(lane, 'flowNodeRef')
        .map(idOf)
        .filter((id) => nodeIds.has(id));
      lanes.push({ id: idOf(lane), name, nodeIds: ids });
      if (name) for (const id of ids) roles.set(id, name);
      visit(one(lane, 'childLaneSet'));
    }
  };
  for (const laneSet of many(process, 'laneSets')) visit(laneSet);
  return { lanes, roles };
}

import type { DefinitionInput } from '../model/index.ts';

/** Ids BPMN tools (and moddle) accept as they are: an XML name without a prefix. */
const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/** Marks an id written in escaped form; escaped ids are ASCII names, so they start no plain id we keep. */
const MARK = 'baton--';

/**
 * A Baton id as an XML id. Baton ids are any non-empty string ("1", "узел 2"); XML ids are not, so
 * the others are written as `baton--` followed by the id with every character outside
 * `[A-Za-z0-9_.]` as `-<hex code point>-`: reversible, so ids survive the round trip.
 */
export function toXmlId(id: string): string {
  if (PLAIN.test(id) && !id.startsWith(MARK)) return id;
  return MARK + id.replace(/[^A-Za-z0-9_.]/gu, (c) => `-${(c.codePointAt(0) ?? 0).toString(16)}-`);
}

export function fromXmlId(id: string): string {
  if (!id.startsWith(MARK)) return id;
  return id
    .slice(MARK.length)
    .replace(/-([0-9a-f]+)-/g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));
}

/** The definition with every node, flow and lane id (and reference to one) mapped by `map`. */
export function mapIds(definition: DefinitionInput, map: (id: string) => string): DefinitionInput {
  const opt = (id: string | undefined) => (id === undefined ? undefined : map(id));
  const mapped: DefinitionInput = {
    ...definition,
    nodes: definition.nodes.map((n) => {
      const node = { ...n, id: map(n.id) };
      if (n.parent !== undefined) node.parent = opt(n.parent);
      if (n.attachedTo !== undefined) node.attachedTo = opt(n.attachedTo);
      return node;
    }),
  };
  if (definition.flows) {
    mapped.flows = definition.flows.map((f) => ({
      ...f,
      id: map(f.id),
      source: map(f.source),
      target: map(f.target),
    }));
  }
  if (definition.lanes) {
    mapped.lanes = definition.lanes.map((l) => ({ ...l, id: map(l.id), nodeIds: l.nodeIds.map(map) }));
  }
  return mapped;
}

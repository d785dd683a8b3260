import { idOf, is, isElement, type ModdleElement, one, walk } from './moddle.ts';

/** References an element cannot exist without: a message flow without its source is dropped, not emptied. */
const ESSENTIAL = new Set(['sourceRef', 'targetRef', 'bpmnElement', 'attachedToRef']);

/**
 * Makes the document consistent after export rewrote the process: `incoming`/`outgoing` follow the
 * sequence flows again, references to rewritten elements point at the new ones (same id), and
 * references to elements the definition no longer has are cleared, dropping elements that cannot
 * live without them (message flows, associations, diagram shapes of deleted nodes, …).
 */
export function relink(definitions: ModdleElement, process: ModdleElement): void {
  for (let pass = 0; pass < 10 && prune(definitions); pass++);
  relinkFlows(process);
}

function relinkFlows(process: ModdleElement): void {
  const nodes: ModdleElement[] = [];
  const flows: ModdleElement[] = [];
  for (const el of walk(process)) {
    if (is(el, 'bpmn:SequenceFlow')) flows.push(el);
    else if (is(el, 'bpmn:FlowNode')) nodes.push(el);
  }
  const incoming = new Map<ModdleElement, ModdleElement[]>(nodes.map((n) => [n, []]));
  const outgoing = new Map<ModdleElement, ModdleElement[]>(nodes.map((n) => [n, []]));
  for (const flow of flows) {
    const source = one(flow, 'sourceRef');
    const target = one(flow, 'targetRef');
    if (source) outgoing.get(source)?.push(flow);
    if (target) incoming.get(target)?.push(flow);
  }
  for (const node of nodes) {
    for (const [prop, now] of [
      ['incoming', incoming.get(node) ?? []],
      ['outgoing', outgoing.get(node) ?? []],
    ] as const) {
      // Keep the stored order: only drop what went and append what came.
      const before = (node[prop] as ModdleElement[] | undefined) ?? [];
      node.set(prop, [...before.filter((f) => now.includes(f)), ...now.filter((f) => !before.includes(f))]);
    }
  }
}

/** One pass; returns whether it dropped an element (which may leave others dangling). */
function prune(definitions: ModdleElement): boolean {
  const live = new Map<string, ModdleElement>();
  for (const el of walk(definitions)) {
    const id = idOf(el);
    if (id && !live.has(id)) live.set(id, el);
  }
  const resolve = (value: unknown) => (isElement(value) ? live.get(idOf(value)) : undefined);
  const doomed = new Set<ModdleElement>();
  for (const el of walk(definitions)) {
    for (const prop of el.$descriptor.properties ?? []) {
      if (!prop.isReference || prop.isVirtual) continue;
      // Read without get(): get() would create every empty many-valued property it touches.
      const value = prop.name.includes(':') ? el.get(prop.name) : el[prop.name];
      if (prop.isMany) {
        if (Array.isArray(value) && value.length > 0) el.set(prop.name, value.map(resolve).filter(isElement));
        continue;
      }
      if (!isElement(value)) continue;
      const target = resolve(value);
      if (target) el.set(prop.name, target);
      else if (ESSENTIAL.has(prop.name.replace(/^\w+:/, ''))) doomed.add(el);
      else el.set(prop.name, undefined);
    }
  }
  if (doomed.size === 0) return false;
  for (const el of walk(definitions)) {
    for (const prop of el.$descriptor.properties ?? []) {
      if (prop.isReference || prop.isAttr || prop.isBody || prop.isVirtual) continue;
      const value = el[prop.name];
      if (Array.isArray(value) && value.some((v) => doomed.has(v))) {
        el.set(
          prop.name,
          value.filter((v) => !doomed.has(v)),
        );
      } else if (doomed.has(value as ModdleElement)) el.set(prop.name, undefined);
    }
  }
  return true;
}

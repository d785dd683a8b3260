import { is, type ModdleElement, many, one } from './moddle.ts';

/**
 * The flow nodes of a process that a token can reach from its start: along sequence flows, into
 * sub-processes (their start events, or their nodes without incoming flows), and onto boundary
 * events of reached activities. Decides whether an unsupported element is on the executable path.
 */
export function reachable(process: ModdleElement): Set<ModdleElement> {
  const outgoing = new Map<ModdleElement, ModdleElement[]>();
  const incoming = new Set<ModdleElement>();
  const boundaries = new Map<ModdleElement, ModdleElement[]>();
  const containers: ModdleElement[] = [process];
  for (let i = 0; i < containers.length; i++) {
    for (const el of many(containers[i], 'flowElements')) {
      if (is(el, 'bpmn:FlowElementsContainer')) containers.push(el);
      const source = one(el, 'sourceRef');
      const target = one(el, 'targetRef');
      if (is(el, 'bpmn:SequenceFlow') && source && target) {
        outgoing.set(source, [...(outgoing.get(source) ?? []), target]);
        incoming.add(target);
      }
      const host = one(el, 'attachedToRef');
      if (host) boundaries.set(host, [...(boundaries.get(host) ?? []), el]);
    }
  }
  const entries = (container: ModdleElement): ModdleElement[] => {
    const nodes = many(container, 'flowElements').filter(
      (el) =>
        is(el, 'bpmn:FlowNode') &&
        !is(el, 'bpmn:BoundaryEvent') &&
        el.get('isForCompensation') !== true &&
        el.get('triggeredByEvent') !== true,
    );
    const starts = nodes.filter((el) => is(el, 'bpmn:StartEvent'));
    return starts.length > 0 ? starts : nodes.filter((el) => !incoming.has(el));
  };
  const reached = new Set<ModdleElement>();
  const queue = entries(process);
  while (queue.length > 0) {
    const el = queue.pop() as ModdleElement;
    if (reached.has(el)) continue;
    reached.add(el);
    queue.push(...(outgoing.get(el) ?? []), ...(boundaries.get(el) ?? []));
    if (is(el, 'bpmn:SubProcess')) queue.push(...entries(el));
  }
  return reached;
}

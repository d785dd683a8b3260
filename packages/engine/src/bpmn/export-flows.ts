import type { DefinitionInput } from '../model/index.ts';
import { setExpression, type WriteContext } from './codecs.ts';
import type { TargetDocument } from './document.ts';
import { writeExtension } from './extensions.ts';
import { is, type ModdleElement, str } from './moddle.ts';

/** Elements with a `default` flow attribute (activities and the deciding gateways). */
function takesDefault(el: ModdleElement): boolean {
  return el.$descriptor.properties.some((p) => p.name === 'default');
}

/** Creates or updates the sequence flow of every flow, and the `default` of their sources; returns them by id. */
export function writeFlows(
  definition: DefinitionInput,
  doc: TargetDocument,
  nodes: Map<string, ModdleElement>,
  ctx: WriteContext,
): Map<string, ModdleElement> {
  for (const el of nodes.values()) if (takesDefault(el)) el.set('default', undefined);
  const elements = new Map<string, ModdleElement>();
  for (const flow of definition.flows ?? []) {
    const previous = doc.previous.get(flow.id);
    const el =
      previous && is(previous, 'bpmn:SequenceFlow')
        ? previous
        : ctx.moddle.create('bpmn:SequenceFlow', { id: flow.id });
    const source = nodes.get(flow.source);
    const target = nodes.get(flow.target);
    if (!source || !target) {
      throw new Error(`flow "${flow.id}" joins unknown node "${source ? flow.target : flow.source}"`);
    }
    el.set('sourceRef', source);
    el.set('targetRef', target);
    if (flow.name !== undefined || str(el, 'name') !== '') el.set('name', flow.name);
    setExpression(el, 'conditionExpression', flow.condition, ctx);
    writeExtension(ctx.moddle, el, 'baton:Trigger', flow.trigger);
    if (flow.default && takesDefault(source)) source.set('default', el);
    elements.set(flow.id, el);
  }
  return elements;
}

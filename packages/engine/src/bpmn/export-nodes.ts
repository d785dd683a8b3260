import type { BuiltinKind, DefinitionInput } from '../model/index.ts';
import { nodeTypeOf, TASK_TYPES } from './classify.ts';
import { codecFor, isBuiltin, setExpression, type WriteContext } from './codecs.ts';
import type { TargetDocument } from './document.ts';
import { writeExtension } from './extensions.ts';
import { engineAttribute, enginePrefixes } from './import-nodes.ts';
import { is, type ModdleElement, many, one, str } from './moddle.ts';

type NodeInput = DefinitionInput['nodes'][number];

/** The element a new node of each built-in kind becomes. */
const KIND_ELEMENTS: Record<BuiltinKind, string> = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  terminate: 'bpmn:EndEvent',
  errorEnd: 'bpmn:EndEvent',
  timer: 'bpmn:IntermediateCatchEvent',
  message: 'bpmn:IntermediateCatchEvent',
  timerBoundary: 'bpmn:BoundaryEvent',
  messageBoundary: 'bpmn:BoundaryEvent',
  errorBoundary: 'bpmn:BoundaryEvent',
  exclusive: 'bpmn:ExclusiveGateway',
  parallel: 'bpmn:ParallelGateway',
  inclusive: 'bpmn:InclusiveGateway',
  eventBased: 'bpmn:EventBasedGateway',
  subProcess: 'bpmn:SubProcess',
  callActivity: 'bpmn:CallActivity',
  state: 'bpmn:Task',
};

/** The task element closest to each activity's meaning, for other tools; unknown activities are service tasks. */
const ACTIVITY_ELEMENTS: Record<string, string> = {
  userTask: 'bpmn:UserTask',
  receiveTask: 'bpmn:ReceiveTask',
  automatic: 'bpmn:Task',
  wait: 'bpmn:Task',
  notify: 'bpmn:SendTask',
  email: 'bpmn:SendTask',
  sms: 'bpmn:SendTask',
  publishFeed: 'bpmn:SendTask',
  webhook: 'bpmn:ServiceTask',
  createDocument: 'bpmn:ServiceTask',
  startProcess: 'bpmn:ServiceTask',
  setVariables: 'bpmn:ScriptTask',
  setFields: 'bpmn:ScriptTask',
  log: 'bpmn:ScriptTask',
  checkFields: 'bpmn:BusinessRuleTask',
};

function elementTypeFor(type: string): string {
  return isBuiltin(type) ? KIND_ELEMENTS[type] : (ACTIVITY_ELEMENTS[type] ?? 'bpmn:ServiceTask');
}

/**
 * A stored element is reused for a node (keeping its data associations, vendor extensions, …) when
 * it still maps to the node's type, or when both are generic tasks (`baton:type` then tells).
 */
function fits(el: ModdleElement, type: string): boolean {
  if (nodeTypeOf(el) === type) return true;
  const generic = (t: string) => (!isBuiltin(t) || t === 'state') && t !== 'userTask' && t !== 'receiveTask';
  return generic(type) && TASK_TYPES[el.$type] === 'automatic';
}

/** Creates or updates the element of every node; returns them by node id. */
export function writeNodes(
  definition: DefinitionInput,
  doc: TargetDocument,
  ctx: WriteContext,
): Map<string, ModdleElement> {
  const prefixes = enginePrefixes(doc.definitions);
  const elements = new Map<string, ModdleElement>();
  for (const node of definition.nodes) {
    const previous = doc.previous.get(node.id);
    const el =
      previous && fits(previous, node.type)
        ? previous
        : ctx.moddle.create(elementTypeFor(node.type), { id: node.id });
    writeNode(el, node, ctx);
    writeMultiInstance(el, node.multiInstance, ctx, prefixes);
    elements.set(node.id, el);
  }
  for (const node of definition.nodes) {
    const el = elements.get(node.id) as ModdleElement;
    if (!is(el, 'bpmn:BoundaryEvent')) continue;
    const host = node.attachedTo === undefined ? undefined : elements.get(node.attachedTo);
    if (!host)
      throw new Error(`boundary event "${node.id}" is attached to unknown node "${node.attachedTo}"`);
    el.set('attachedToRef', host);
  }
  return elements;
}

function writeNode(el: ModdleElement, node: NodeInput, ctx: WriteContext): void {
  // An empty stored name says what an absent one does; keep it rather than churn the file.
  if (node.name !== undefined || str(el, 'name') !== '') el.set('name', node.name);
  const docs = many(el, 'documentation');
  const first = docs[0] ?? ctx.moddle.create('bpmn:Documentation');
  first.set('text', node.description);
  el.set('documentation', node.description === undefined ? docs.slice(1) : [first, ...docs.slice(1)]);
  el.set('baton:type', undefined);
  el.set('baton:role', undefined);
  const rest = codecFor(node.type).write(el, { ...(node.config ?? {}) }, ctx);
  writeExtension(ctx.moddle, el, 'baton:Config', Object.keys(rest).length > 0 ? rest : undefined);
  if (nodeTypeOf(el) !== node.type) el.set('baton:type', node.type);
}

function writeMultiInstance(
  el: ModdleElement,
  mi: NodeInput['multiInstance'],
  ctx: WriteContext,
  prefixes: Set<string>,
): void {
  const previous = one(el, 'loopCharacteristics');
  const isMi = is(previous, 'bpmn:MultiInstanceLoopCharacteristics');
  if (!mi) {
    if (isMi) el.set('loopCharacteristics', undefined);
    return;
  }
  const loop = previous && isMi ? previous : ctx.moddle.create('bpmn:MultiInstanceLoopCharacteristics');
  loop.set('isSequential', mi.sequential === true);
  setExpression(loop, 'loopCardinality', mi.cardinality, ctx);
  setExpression(loop, 'completionCondition', mi.completionCondition, ctx);
  // The definition is authoritative: an engine's own attribute would shadow ours on the next import.
  for (const local of ['collection', 'elementVariable']) {
    if (engineAttribute(loop, local, prefixes) === undefined) continue;
    for (const prefix of prefixes) delete loop.$attrs[`${prefix}:${local}`];
  }
  loop.set('baton:collection', mi.collection);
  loop.set('baton:elementVariable', mi.elementVariable);
  loop.$parent = el;
  el.set('loopCharacteristics', loop);
}

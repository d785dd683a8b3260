import type { MultiInstance, ProcessNode } from '../model/index.ts';
import { codecFor, isBuiltin } from './codecs.ts';
import { readExtension } from './extensions.ts';
import { bodyOf, idOf, is, type ModdleElement, many, one, str } from './moddle.ts';
import { type BpmnProblem, elementProblem } from './problems.ts';
import type { ScannedNode } from './scan.ts';

/** Namespaces of engines whose multi-instance `collection`/`elementVariable` attributes we read. */
const ENGINE_NAMESPACES = new Set([
  'http://camunda.org/schema/1.0/bpmn',
  'http://activiti.org/bpmn',
  'http://flowable.org/bpmn',
]);

/** Prefixes bound to those namespaces in the document root (where modelers declare them). */
export function enginePrefixes(definitions: ModdleElement): Set<string> {
  const prefixes = new Set<string>();
  for (const [name, uri] of Object.entries(definitions.$attrs)) {
    if (name.startsWith('xmlns:') && ENGINE_NAMESPACES.has(uri)) prefixes.add(name.slice('xmlns:'.length));
  }
  return prefixes;
}

/** The value of `prefix:local` for any engine prefix, e.g. `camunda:collection`. */
export function engineAttribute(el: ModdleElement, local: string, prefixes: Set<string>): string | undefined {
  for (const prefix of prefixes) {
    const value = el.$attrs[`${prefix}:${local}`];
    if (value !== undefined) return value;
  }
  return undefined;
}

/** Maps one flow node to a Baton node (without `role` and `position`, which lanes and DI give). */
export function importNode(
  scanned: ScannedNode,
  prefixes: Set<string>,
  problems: BpmnProblem[],
): ProcessNode {
  const { el, type } = scanned;
  const node: ProcessNode = { id: idOf(el), type };
  const name = str(el, 'name');
  if (name) node.name = name;
  const description = str(many(el, 'documentation')[0], 'text')?.trim();
  if (description) node.description = description;
  if (scanned.parent !== undefined) node.parent = scanned.parent;
  const host = one(el, 'attachedToRef');
  if (host) node.attachedTo = idOf(host);

  const extension = readExtension(el, 'baton:Config');
  if (!extension.ok) problems.push(elementProblem('error', 'BPMN_INVALID_EXTENSION', el, extension.error));
  const config = { ...codecFor(type).read(el), ...(extension.ok ? extension.value : undefined) };
  // Activities always carry a config (their plugin validates it); built-in kinds only when they say something.
  if (!isBuiltin(type) || Object.keys(config).length > 0) node.config = config;

  const multiInstance = importMultiInstance(el, prefixes);
  if (multiInstance) node.multiInstance = multiInstance;
  return node;
}

function importMultiInstance(el: ModdleElement, prefixes: Set<string>): MultiInstance | undefined {
  const loop = one(el, 'loopCharacteristics');
  if (!loop || !is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) return undefined;
  const mi: MultiInstance = { sequential: loop.get('isSequential') === true };
  const cardinality = bodyOf(loop, 'loopCardinality');
  if (cardinality !== undefined) mi.cardinality = cardinality;
  const collection = engineAttribute(loop, 'collection', prefixes) ?? str(loop, 'baton:collection');
  if (collection !== undefined) mi.collection = collection;
  const elementVariable =
    engineAttribute(loop, 'elementVariable', prefixes) ?? str(loop, 'baton:elementVariable');
  if (elementVariable !== undefined) mi.elementVariable = elementVariable;
  const completion = bodyOf(loop, 'completionCondition');
  if (completion !== undefined) mi.completionCondition = completion;
  return mi;
}

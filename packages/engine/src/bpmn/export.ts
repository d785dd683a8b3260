import type { BpmnModdle } from 'bpmn-moddle';
import type { DefinitionInput } from '../model/index.ts';
import { DECLARATION_KEYS } from './declarations.ts';
import { openDocument, type TargetDocument, writeContext } from './document.ts';
import { writeDiagram } from './export-di.ts';
import { writeFlows } from './export-flows.ts';
import { writeLanes } from './export-lanes.ts';
import { writeNodes } from './export-nodes.ts';
import { addPool, drawPool } from './export-pool.ts';
import { type JsonObject, writeExtension } from './extensions.ts';
import { mapIds, toXmlId } from './ids.ts';
import { createModdle, idOf, is, type ModdleElement, many } from './moddle.ts';
import { relink } from './relink.ts';

/**
 * Writes a definition as BPMN 2.0 XML with BPMNDI. A definition imported from BPMN is written into
 * the document it came from (`definition.bpmn`), so pools, message flows, artifacts and everything
 * else Baton does not model come back; the definition decides every node, flow, lane and position.
 *
 * @example
 * const xml = await exportBpmn(definition);
 * const { definition: again } = await importBpmn(xml); // the same definition
 */
export async function exportBpmn(input: DefinitionInput): Promise<string> {
  const definition = mapIds(input, toXmlId);
  const moddle = createModdle();
  const doc = await openDocument(moddle, definition);
  const ctx = writeContext(moddle, doc, definition);
  const nodes = writeNodes(definition, doc, ctx);
  const flows = writeFlows(definition, doc, nodes, ctx);
  placeElements(definition, doc, nodes, flows);
  writeLanes(moddle, definition, doc, nodes);
  writeProcess(moddle, definition, doc);
  const pool = !definition.bpmn && definition.lanes?.length ? addPool(definition, doc, ctx) : undefined;
  const boxes = writeDiagram(definition, doc, nodes, flows, ctx);
  if (pool) drawPool(definition, doc, pool, boxes, ctx);
  relink(doc.definitions, doc.process);
  const { xml } = await moddle.toXML(doc.definitions, { format: true });
  return xml;
}

/** Process name and description are BPMN's; the rest of the definition's header goes to `<baton:definition>`. */
function writeProcess(moddle: BpmnModdle, definition: DefinitionInput, doc: TargetDocument): void {
  const { process } = doc;
  process.set('name', definition.name);
  const docs = many(process, 'documentation');
  const documentation = docs[0] ?? moddle.create('bpmn:Documentation');
  documentation.set('text', definition.description);
  documentation.$parent = process;
  process.set(
    'documentation',
    definition.description === undefined ? docs.slice(1) : [documentation, ...docs.slice(1)],
  );
  const header: JsonObject = {};
  for (const key of DECLARATION_KEYS) {
    if (definition[key] !== undefined) header[key] = definition[key];
  }
  writeExtension(moddle, process, 'baton:Definition', header);
}

/**
 * Puts each node and flow into its container (the process or its parent sub-process): stored
 * elements keep their place among the elements Baton does not own, new ones are appended, and
 * owned elements the definition no longer has are dropped.
 */
function placeElements(
  definition: DefinitionInput,
  doc: TargetDocument,
  nodes: Map<string, ModdleElement>,
  flows: Map<string, ModdleElement>,
): void {
  const containerOf = (parent: string | undefined): ModdleElement => {
    if (parent === undefined) return doc.process;
    const container = nodes.get(parent);
    if (!container || !is(container, 'bpmn:SubProcess')) throw new Error(`unknown sub-process "${parent}"`);
    return container;
  };
  const members = new Map<ModdleElement, ModdleElement[]>([[doc.process, []]]);
  for (const node of definition.nodes)
    if (node.type === 'subProcess') members.set(nodes.get(node.id) as ModdleElement, []);
  const parentOf = new Map(definition.nodes.map((n) => [n.id, n.parent]));
  for (const node of definition.nodes)
    members.get(containerOf(node.parent))?.push(nodes.get(node.id) as ModdleElement);
  for (const flow of definition.flows ?? []) {
    members.get(containerOf(parentOf.get(flow.source)))?.push(flows.get(flow.id) as ModdleElement);
  }
  for (const [container, owned] of members) {
    const mine = new Set(owned);
    const kept = many(container, 'flowElements').filter((el) => mine.has(el) || !doc.owned.has(idOf(el)));
    const placed = new Set(kept);
    const all = [...kept, ...owned.filter((el) => !placed.has(el))];
    for (const el of all) el.$parent = container;
    container.set('flowElements', all);
  }
}

import type { BpmnModdle } from 'bpmn-moddle';
import type { DefinitionInput } from '../model/index.ts';
import type { WriteContext } from './codecs.ts';
import { idOf, is, type ModdleElement, many, str, walk } from './moddle.ts';
import { scanProcess } from './scan.ts';
import { readStoredDocument } from './stored.ts';

/** The document an export writes into: the stored one (see stored.ts) or a new, empty one. */
export interface TargetDocument {
  definitions: ModdleElement;
  process: ModdleElement;
  /** Ids of the stored process's elements that map to nodes and flows: the definition's to rewrite or drop. */
  owned: Set<string>;
  /** Stored nodes and flows by id, reused when they still fit (keeping what Baton does not model). */
  previous: Map<string, ModdleElement>;
}

const NCNAME = /^[A-Za-z_][\w.-]*$/;

export async function openDocument(moddle: BpmnModdle, definition: DefinitionInput): Promise<TargetDocument> {
  if (definition.bpmn) {
    const stored = readStoredDocument(definition.bpmn);
    const { rootElement: definitions } = await moddle.fromXML(stored.xml);
    const process = many(definitions, 'rootElements').find(
      (r) => is(r, 'bpmn:Process') && idOf(r) === stored.processId,
    );
    if (!process) throw new Error(`definition.bpmn has no process "${stored.processId}"`);
    const scan = scanProcess(process);
    const previous = new Map([...scan.nodes.map((n) => n.el), ...scan.flows].map((el) => [idOf(el), el]));
    return { definitions, process, owned: scan.owned, previous };
  }
  const processId = NCNAME.test(definition.key) ? definition.key : `Process_${definition.key}`;
  const process = moddle.create('bpmn:Process', { id: processId, isExecutable: true });
  const definitions = moddle.create('bpmn:Definitions', {
    id: `Definitions_${definition.key}`,
    targetNamespace: 'http://baton.dev/schema/bpmn/process',
    exporter: 'Baton',
    exporterVersion: '1',
    rootElements: [process],
  });
  process.$parent = definitions;
  return { definitions, process, owned: new Set(), previous: new Map() };
}

/** Finds the document's messages and errors by name/code (then id), creating missing ones. */
export function writeContext(
  moddle: BpmnModdle,
  doc: TargetDocument,
  definition: DefinitionInput,
): WriteContext {
  const used = new Set<string>([...walk(doc.definitions)].map(idOf));
  for (const item of [...definition.nodes, ...(definition.flows ?? [])]) used.add(item.id);
  const unique = (base: string) => {
    const stem = base.replace(/[^\w.-]/g, '_');
    let id = stem;
    for (let i = 2; used.has(id); i++) id = `${stem}_${i}`;
    used.add(id);
    return id;
  };
  const roots = () => many(doc.definitions, 'rootElements');
  const findOrCreate = (
    type: string,
    key: string,
    label: string,
    attrs: (id: string) => Record<string, unknown>,
  ) => {
    const all = roots().filter((r) => r.$type === type);
    const found =
      all.find((r) => str(r, key) === label) ?? all.find((r) => !str(r, key) && idOf(r) === label);
    if (found) return found;
    const created = moddle.create(type, attrs(unique(`${type.replace('bpmn:', '')}_${label}`)));
    created.$parent = doc.definitions;
    doc.definitions.set('rootElements', [...roots(), created]);
    return created;
  };
  return {
    moddle,
    newId: unique,
    message: (name) => findOrCreate('bpmn:Message', 'name', name, (id) => ({ id, name })),
    error: (code) =>
      findOrCreate('bpmn:Error', 'errorCode', code, (id) => ({ id, name: code, errorCode: code })),
  };
}

import type { ParseResult } from 'bpmn-moddle';
import type { DefinitionInput } from '../model/index.ts';
import { declare } from './declarations.ts';
import { exportBpmn } from './export.ts';
import { fromXmlId, mapIds } from './ids.ts';
import { readGeometry } from './import-di.ts';
import { importFlow } from './import-flows.ts';
import { readLanes } from './import-lanes.ts';
import { enginePrefixes, importNode } from './import-nodes.ts';
import { BATON_NS, createModdle, idOf, is, type ModdleElement, many, one, str } from './moddle.ts';
import { parseBpmn } from './parse.ts';
import type { BpmnProblem } from './problems.ts';
import { reportUnsupported } from './report.ts';
import { scanProcess } from './scan.ts';
import { storedDocument } from './stored.ts';

export interface BpmnImport {
  /** Null when the XML cannot be read or holds no process. */
  definition: DefinitionInput | null;
  problems: BpmnProblem[];
}

/**
 * Reads BPMN 2.0 XML into a Baton definition, reporting what it cannot execute.
 *
 * @example
 * const { definition, problems } = await importBpmn(xml);
 * if (definition) save(definition);
 * for (const p of problems) console.log(p.severity, p.code, p.elementId, p.message);
 */
export async function importBpmn(xml: string): Promise<BpmnImport> {
  const parsed = await parseBpmn(xml);
  if (!parsed.ok) return { definition: null, problems: parsed.problems };
  const { problems } = parsed;
  const definitions = parsed.result.rootElement;
  const chosen = chooseProcess(definitions);
  if (!chosen) {
    problems.push({
      severity: 'error',
      code: 'BPMN_NO_PROCESS',
      message: 'the file holds no process with flow nodes',
    });
    return { definition: null, problems };
  }
  const { process, participant } = chosen;
  const scan = scanProcess(process);
  const prefixes = enginePrefixes(definitions);
  const nodes = scan.nodes.map((s) => importNode(s, prefixes, problems));
  const flows = scan.flows.map((el) => importFlow(el, problems));
  const geometry = readGeometry(definitions);
  const { lanes, roles } = readLanes(process, scan.owned);
  nodes.forEach((node, i) => {
    const role = str(scan.nodes[i]?.el, 'baton:role') ?? roles.get(node.id);
    if (role) node.role = role;
    const position = geometry.bounds.get(node.id);
    if (position) node.position = position;
  });
  for (const flow of flows) {
    const waypoints = geometry.waypoints.get(flow.id);
    if (waypoints) flow.waypoints = waypoints;
  }
  problems.push(...reportUnsupported(definitions, process, scan));

  let definition: DefinitionInput = {
    key: idOf(process).replace(/[^A-Za-z0-9_.-]/g, '_') || 'process',
    name: str(process, 'name') || str(participant, 'name') || idOf(process) || 'Process',
    nodes,
    flows,
  };
  const description = str(many(process, 'documentation')[0], 'text')?.trim();
  if (description) definition.description = description;
  if (lanes.length > 0) definition.lanes = lanes;
  declare(definition, process, problems);
  definition = mapIds(definition, fromXmlId);
  if (!(await reproducible(definition, parsed.result, xml)))
    definition.bpmn = storedDocument(idOf(process), xml);
  const located = problems.map((p) => (p.elementId ? { ...p, elementId: fromXmlId(p.elementId) } : p));
  return { definition, problems: located };
}

/** The process of the first pool that has a start event, else the first process with flow nodes. */
function chooseProcess(
  definitions: ModdleElement,
): { process: ModdleElement; participant?: ModdleElement } | null {
  const roots = many(definitions, 'rootElements');
  const participants = roots
    .filter((r) => is(r, 'bpmn:Collaboration'))
    .flatMap((c) => many(c, 'participants'));
  const poolOf = (process: ModdleElement) => participants.find((p) => one(p, 'processRef') === process);
  for (const participant of participants) {
    const process = one(participant, 'processRef');
    if (process && many(process, 'flowElements').some((el) => is(el, 'bpmn:StartEvent'))) {
      return { process, participant };
    }
  }
  const process = roots.find(
    (r) => is(r, 'bpmn:Process') && many(r, 'flowElements').some((el) => is(el, 'bpmn:FlowNode')),
  );
  if (!process) return null;
  const participant = poolOf(process);
  return participant ? { process, participant } : { process };
}

/**
 * Whether a fresh export of `definition` gives this very document (a file Baton wrote, untouched):
 * then nothing needs keeping and `definition.bpmn` stays absent, so JSON → BPMN → JSON is lossless.
 */
async function reproducible(definition: DefinitionInput, parsed: ParseResult, xml: string): Promise<boolean> {
  if (!xml.includes(BATON_NS)) return false;
  try {
    const moddle = createModdle();
    const again = await moddle.fromXML(await exportBpmn(definition));
    const [a, b] = await Promise.all([
      moddle.toXML(parsed.rootElement, { format: true }),
      moddle.toXML(again.rootElement, { format: true }),
    ]);
    return a.xml === b.xml;
  } catch {
    return false;
  }
}

import type { ParseResult } from 'bpmn-moddle';
import { createModdle, idOf } from './moddle.ts';
import { type BpmnProblem, lineOf } from './problems.ts';

export type Parsed =
  | { ok: true; result: ParseResult; problems: BpmnProblem[] }
  | { ok: false; problems: BpmnProblem[] };

/**
 * Parses BPMN XML. moddle-xml is lenient and reports some syntax errors as warnings; those make the
 * document malformed too, while the other warnings (unknown elements, unresolved references) are
 * passed on as problems.
 */
export async function parseBpmn(xml: string): Promise<Parsed> {
  const doctype = /<!DOCTYPE/i.exec(xml);
  if (doctype) return { ok: false, problems: [withDoctype(xml, doctype.index)] };
  let result: ParseResult;
  try {
    result = await createModdle().fromXML(xml);
  } catch (e) {
    return { ok: false, problems: [malformed((e as Error).message)] };
  }
  const unparsable = result.warnings.find((w) => w.message.startsWith('unparsable content'));
  if (unparsable) return { ok: false, problems: [malformed(unparsable.message)] };
  // The XML arrives decoded, so what its prolog says about encoding is moot.
  const warnings = result.warnings.filter((w) => !w.message.startsWith('unsupported document encoding'));
  const problems: BpmnProblem[] = warnings.map((w) => ({
    severity: 'warning',
    code: 'BPMN_PARSE_WARNING',
    message: w.message.split('\n')[0] ?? w.message,
    ...(w.element && idOf(w.element) ? { elementId: idOf(w.element), elementType: w.element.$type } : {}),
  }));
  return { ok: true, result, problems };
}

/**
 * BPMN files have no DOCTYPE. The parser expands no entities anyway (a "billion laughs" file is
 * harmless), but it reports the declaration as content outside the root element, at a line far from it.
 */
function withDoctype(xml: string, at: number): BpmnProblem {
  const line = xml.slice(0, at).split('\n').length;
  const message = `not a BPMN 2.0 document: a DOCTYPE declaration (line ${line}) is not allowed; its entities are never expanded`;
  return { severity: 'error', code: 'BPMN_MALFORMED_XML', message, line };
}

/** "unparsable content </x> detected\n\tline: 3\n\tcolumn: 31\n\tnested error: closing tag mismatch" → a sentence. */
function malformed(message: string): BpmnProblem {
  if (message.startsWith('failed to parse document as')) {
    const reason = 'not a BPMN 2.0 document: the root element must be bpmn:definitions';
    return { severity: 'error', code: 'BPMN_MALFORMED_XML', message: reason };
  }
  const line = lineOf(message);
  const column = /\bcolumn: (\d+)/.exec(message)?.[1];
  const cause = /nested error: (.*)/.exec(message)?.[1] ?? message.split('\n')[0];
  const near = /unparsable content (.+?) detected/.exec(message)?.[1];
  const where =
    line === undefined
      ? ''
      : ` at line ${line}${column === undefined ? '' : `, column ${Number(column) + 1}`}`;
  const text = `not well-formed XML${where}: ${cause}${near ? ` (near ${near})` : ''}`;
  return {
    severity: 'error',
    code: 'BPMN_MALFORMED_XML',
    message: text,
    ...(line === undefined ? {} : { line }),
  };
}

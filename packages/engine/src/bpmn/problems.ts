import { idOf, type ModdleElement } from './moddle.ts';

/**
 * Something an import found worth telling: `error` means the definition will not run as the BPMN
 * describes it (an element on the executable path that Baton cannot execute, malformed XML, …),
 * `warning` that something is kept but ignored, or was guessed.
 */
export interface BpmnProblem {
  severity: 'error' | 'warning';
  code: BpmnProblemCode;
  message: string;
  /** Id of the BPMN element concerned. */
  elementId?: string;
  /** Its BPMN type, e.g. `bpmn:ComplexGateway`. */
  elementType?: string;
  /** 1-based line of the XML, when the parser gives one. */
  line?: number;
}

/** Stable problem codes; the designer and the CLI key their messages and help links on these. */
export const BPMN_PROBLEM_CODES = [
  /** The XML cannot be read as BPMN 2.0 (not well formed, or not a bpmn:definitions document). */
  'BPMN_MALFORMED_XML',
  /** The parser skipped something (an unknown element, an unresolved reference). */
  'BPMN_PARSE_WARNING',
  /** No process with flow nodes: nothing to execute. */
  'BPMN_NO_PROCESS',
  /** Another pool's process: kept for export, never executed. */
  'BPMN_PROCESS_NOT_EXECUTED',
  /** An element Baton cannot execute; kept for export. */
  'BPMN_UNSUPPORTED_ELEMENT',
  /** A start event's trigger (message, timer, …): Baton starts instances by command or automation rule. */
  'BPMN_START_TRIGGER_IGNORED',
  /** A throwing message/signal event: kept, but nothing is sent; use a notify/e-mail/webhook activity. */
  'BPMN_THROW_IGNORED',
  /** A `baton:*` extension element whose body is not the JSON it should be. */
  'BPMN_INVALID_EXTENSION',
  /** A variable declared because a condition or expression uses it and the file declares none. */
  'BPMN_INFERRED_VARIABLE',
] as const;
export type BpmnProblemCode = (typeof BPMN_PROBLEM_CODES)[number];

/** A problem about one element. */
export function elementProblem(
  severity: BpmnProblem['severity'],
  code: BpmnProblemCode,
  el: ModdleElement,
  message: string,
): BpmnProblem {
  const elementId = idOf(el);
  return { severity, code, message, ...(elementId ? { elementId } : {}), elementType: el.$type };
}

/** The 1-based line of a saxen/moddle-xml message ("…\n\tline: 3\n…", 0-based there). */
export function lineOf(message: string): number | undefined {
  const match = /\bline: (\d+)/.exec(message);
  return match?.[1] === undefined ? undefined : Number(match[1]) + 1;
}

import { idOf, is, type ModdleElement, many, str } from './moddle.ts';
import { type BpmnProblem, elementProblem } from './problems.ts';
import { reachable } from './reach.ts';
import type { ProcessScan } from './scan.ts';
import { scanProcess } from './scan.ts';

/**
 * Problems about what Baton will not execute. In the executable process an unsupported element is an
 * error when a token can reach it (or it is an event sub-process, which changes how the process
 * runs), a warning when it is off the path; in other pools everything is a warning, as none of it runs.
 */
export function reportUnsupported(
  definitions: ModdleElement,
  process: ModdleElement,
  scan: ProcessScan,
): BpmnProblem[] {
  const problems: BpmnProblem[] = [];
  const reached = reachable(process);
  for (const { el, notes } of scan.nodes) {
    for (const note of notes) {
      const severity = note.placed && reached.has(el) ? 'error' : 'warning';
      const problem = elementProblem(severity, note.code, el, note.message);
      problems.push(note.elementType ? { ...problem, elementType: note.elementType } : problem);
    }
  }
  for (const { el, what } of scan.unsupported) {
    const onPath = reached.has(el) || el.get('triggeredByEvent') === true;
    problems.push(
      elementProblem(
        onPath ? 'error' : 'warning',
        'BPMN_UNSUPPORTED_ELEMENT',
        el,
        `${capitalized(what)} cannot be executed${onPath ? '' : ' (it is off the executable path)'}; it is kept for export`,
      ),
    );
  }
  for (const other of many(definitions, 'rootElements')) {
    if (!is(other, 'bpmn:Process') || other === process || many(other, 'flowElements').length === 0) continue;
    const label = str(other, 'name') || idOf(other);
    problems.push(
      elementProblem(
        'warning',
        'BPMN_PROCESS_NOT_EXECUTED',
        other,
        `Process "${label}" is kept for export but not executed: a definition runs one process`,
      ),
    );
    for (const { el, what } of scanProcess(other).unsupported) {
      problems.push(
        elementProblem(
          'warning',
          'BPMN_UNSUPPORTED_ELEMENT',
          el,
          `${capitalized(what)} in process "${label}", which is not executed; it is kept for export`,
        ),
      );
    }
  }
  return problems;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

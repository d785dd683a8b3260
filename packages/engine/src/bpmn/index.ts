/// <reference path="./bpmn-moddle.d.ts" />
/**
 * BPMN 2.0 XML ⇄ Baton definitions. See README.md for the mapping and the `baton:` extension.
 */
export { exportBpmn } from './export.ts';
export { type BpmnImport, importBpmn } from './import.ts';
export { BPMN_PROBLEM_CODES, type BpmnProblem, type BpmnProblemCode } from './problems.ts';

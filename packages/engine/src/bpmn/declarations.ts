import type { DefinitionInput } from '../model/index.ts';
import { readExtension } from './extensions.ts';
import type { ModdleElement } from './moddle.ts';
import { type BpmnProblem, elementProblem } from './problems.ts';
import { inferVariables } from './variables.ts';

/** The definition keys `<baton:definition>` carries (name and description are BPMN's own). */
export const DECLARATION_KEYS = [
  'key',
  'version',
  'sort',
  'icon',
  'labels',
  'documentType',
  'parameters',
  'variables',
  'constants',
  'options',
] as const;

/** Declarations from `<baton:definition>`, or variables inferred from the expressions when there is none. */
export function declare(definition: DefinitionInput, process: ModdleElement, problems: BpmnProblem[]): void {
  const extension = readExtension(process, 'baton:Definition');
  if (!extension.ok)
    problems.push(elementProblem('error', 'BPMN_INVALID_EXTENSION', process, extension.error));
  if (extension.ok && extension.value) {
    const declared = extension.value;
    for (const key of DECLARATION_KEYS) {
      if (declared[key] !== undefined) Object.assign(definition, { [key]: declared[key] });
    }
    return;
  }
  const exclude = definition.nodes.flatMap((n) => n.multiInstance?.elementVariable ?? []);
  const sources = [
    ...(definition.flows ?? []).map((f) => ({ id: f.id, expression: f.condition })),
    ...definition.nodes.flatMap((n) => {
      const mi = n.multiInstance;
      const expressions = mi ? [mi.cardinality, mi.collection, mi.completionCondition] : [];
      return expressions.map((expression) => ({ id: n.id, expression }));
    }),
  ];
  /** Variable name → id of the element that first uses it. */
  const uses = new Map<string, string>();
  for (const { id, expression } of sources) {
    for (const name of inferVariables(expression ? [expression] : [], exclude))
      if (!uses.has(name)) uses.set(name, id);
  }
  if (uses.size === 0) return;
  definition.variables = [...uses.keys()].map((id) => ({ id, type: 'json' }));
  for (const [name, owner] of uses) {
    problems.push({
      severity: 'warning',
      code: 'BPMN_INFERRED_VARIABLE',
      message: `variable "${name}" is used in an expression but not declared; declared with type json`,
      elementId: owner,
    });
  }
}

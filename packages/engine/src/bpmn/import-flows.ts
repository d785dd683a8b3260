import { z } from 'zod';
import { type Flow, transitionTriggerSchema } from '../model/index.ts';
import { readExtension } from './extensions.ts';
import { bodyOf, idOf, type ModdleElement, one, str } from './moddle.ts';
import { type BpmnProblem, elementProblem } from './problems.ts';

/** Maps a sequence flow between two nodes (see scan.ts) to a Baton flow, without waypoints. */
export function importFlow(el: ModdleElement, problems: BpmnProblem[]): Flow {
  const source = one(el, 'sourceRef') as ModdleElement;
  const target = one(el, 'targetRef') as ModdleElement;
  const flow: Flow = { id: idOf(el), source: idOf(source), target: idOf(target) };
  const name = str(el, 'name');
  if (name) flow.name = name;
  // Kept as written: the engine reads `${…}` wrappers too.
  const condition = bodyOf(el, 'conditionExpression');
  if (condition !== undefined) flow.condition = condition;
  if (one(source, 'default') === el) flow.default = true;

  const trigger = readExtension(el, 'baton:Trigger');
  if (!trigger.ok) {
    problems.push(elementProblem('error', 'BPMN_INVALID_EXTENSION', el, trigger.error));
  } else if (trigger.value !== undefined) {
    // Checked here because a flow has no config the engine validates later by node.
    const parsed = transitionTriggerSchema.safeParse(trigger.value);
    if (parsed.success) flow.trigger = parsed.data;
    else
      problems.push(
        elementProblem(
          'error',
          'BPMN_INVALID_EXTENSION',
          el,
          `<baton:trigger>: ${z.prettifyError(parsed.error)}`,
        ),
      );
  }
  return flow;
}

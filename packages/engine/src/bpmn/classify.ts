import type { BuiltinKind } from '../model/index.ts';
import { is, type ModdleElement, many, one, str } from './moddle.ts';
import type { BpmnProblemCode } from './problems.ts';

/**
 * What a BPMN flow element becomes in Baton. Import and export share this one decision: import maps
 * `node` elements to nodes and keeps the rest in the stored document; export reuses a stored element
 * for a node only when it still classifies as that node's type.
 */
export type Classification =
  | { role: 'node'; type: string; notes: Note[] }
  | { role: 'unsupported'; what: string }
  /** Not a flow node: sequence flows, data objects, … (handled elsewhere or simply kept). */
  | { role: 'other' };

/** A remark on a mapped element; `placed` ones are errors on the executable path, warnings elsewhere. */
export interface Note {
  code: BpmnProblemCode;
  message: string;
  elementType?: string;
  placed: boolean;
}

/** BPMN task types; each maps to an activity (`baton:type` names which, else the implied one). */
export const TASK_TYPES: Record<string, string> = {
  'bpmn:Task': 'automatic',
  'bpmn:ServiceTask': 'automatic',
  'bpmn:ScriptTask': 'automatic',
  'bpmn:SendTask': 'automatic',
  'bpmn:BusinessRuleTask': 'automatic',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'userTask',
  'bpmn:ReceiveTask': 'receiveTask',
};

const GATEWAYS: Record<string, BuiltinKind> = {
  'bpmn:ExclusiveGateway': 'exclusive',
  'bpmn:ParallelGateway': 'parallel',
  'bpmn:InclusiveGateway': 'inclusive',
  'bpmn:EventBasedGateway': 'eventBased',
};

/** Event type → event definition kind (`none` when it has none) → Baton kind; absent = unsupported. */
const EVENTS: Record<string, Partial<Record<string, string>>> = {
  'bpmn:StartEvent': {
    none: 'start',
    message: 'start',
    timer: 'start',
    signal: 'start',
    conditional: 'start',
  },
  'bpmn:EndEvent': { none: 'end', terminate: 'terminate', error: 'errorEnd', message: 'end', signal: 'end' },
  'bpmn:IntermediateCatchEvent': { timer: 'timer', message: 'message' },
  'bpmn:IntermediateThrowEvent': { none: 'automatic', message: 'automatic', signal: 'automatic' },
  'bpmn:BoundaryEvent': { timer: 'timerBoundary', message: 'messageBoundary', error: 'errorBoundary' },
};

/** `bpmn:TimerEventDefinition` → `timer`. */
function eventKind(definition: ModdleElement): string {
  const kind = definition.$type
    .replace(/^bpmn:/, '')
    .replace(/EventDefinition$/, '')
    .toLowerCase();
  return kind === 'compensate' ? 'compensation' : kind;
}

export function classify(el: ModdleElement): Classification {
  if (!is(el, 'bpmn:FlowNode')) return { role: 'other' };
  if (is(el, 'bpmn:Activity')) return classifyActivity(el);
  const gateway = GATEWAYS[el.$type];
  if (gateway) return { role: 'node', type: gateway, notes: [] };
  const events = EVENTS[el.$type];
  if (!events) return { role: 'unsupported', what: describe(el.$type) };
  const definitions = many(el, 'eventDefinitions');
  if (definitions.length > 1) return { role: 'unsupported', what: 'an event with several triggers' };
  const kind = definitions[0] ? eventKind(definitions[0]) : 'none';
  const type = events[kind];
  if (!type) return { role: 'unsupported', what: describe(el.$type, kind) };
  const notes: Note[] = [];
  if (el.$type === 'bpmn:StartEvent' && kind !== 'none') {
    notes.push({
      code: 'BPMN_START_TRIGGER_IGNORED',
      message: `The ${kind} trigger of this start event is kept but not used: Baton starts instances by command or automation rule`,
      placed: false,
    });
  }
  if ((kind === 'message' || kind === 'signal') && !is(el, 'bpmn:CatchEvent')) {
    notes.push({
      code: 'BPMN_THROW_IGNORED',
      message: `This event's ${kind} is kept but not sent; use a notify, e-mail or webhook activity`,
      placed: false,
    });
  }
  return { role: 'node', type, notes };
}

function classifyActivity(el: ModdleElement): Classification {
  if (el.get('isForCompensation') === true) return { role: 'unsupported', what: 'a compensation handler' };
  if (is(el, 'bpmn:AdHocSubProcess')) return { role: 'unsupported', what: 'an ad-hoc sub-process' };
  if (is(el, 'bpmn:Transaction')) return { role: 'unsupported', what: 'a transaction' };
  if (is(el, 'bpmn:SubProcess') && el.get('triggeredByEvent') === true) {
    return { role: 'unsupported', what: 'an event sub-process' };
  }
  const notes: Note[] = [];
  const loop = one(el, 'loopCharacteristics');
  if (loop && !is(loop, 'bpmn:MultiInstanceLoopCharacteristics')) {
    notes.push({
      code: 'BPMN_UNSUPPORTED_ELEMENT',
      message: `${loop.$type} (a while/until loop) is not supported: the activity runs once`,
      elementType: loop.$type,
      placed: true,
    });
  }
  if (is(el, 'bpmn:SubProcess')) return { role: 'node', type: 'subProcess', notes };
  if (is(el, 'bpmn:CallActivity')) return { role: 'node', type: 'callActivity', notes };
  const implied = TASK_TYPES[el.$type];
  if (!implied) return { role: 'unsupported', what: describe(el.$type) };
  return { role: 'node', type: str(el, 'baton:type') ?? implied, notes };
}

/** `bpmn:BoundaryEvent`, `escalation` → "an escalation boundary event". */
function describe(type: string, qualifier?: string): string {
  const words = type
    .replace(/^\w+:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const phrase = qualifier ? `${qualifier} ${words}` : words;
  return `${/^[aeiou]/.test(phrase) ? 'an' : 'a'} ${phrase}`;
}

/** The Baton type a node element maps to, or undefined when it is not a node. */
export function nodeTypeOf(el: ModdleElement): string | undefined {
  const c = classify(el);
  return c.role === 'node' ? c.type : undefined;
}

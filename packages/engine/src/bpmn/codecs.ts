import type { BpmnModdle } from 'bpmn-moddle';
import type { BuiltinKind } from '../model/index.ts';
import type { JsonObject } from './extensions.ts';
import { bodyOf, type ModdleElement, many, one, str } from './moddle.ts';

/** What writing a node's config needs from the document: find-or-create its messages and errors. */
export interface WriteContext {
  moddle: BpmnModdle;
  /** An id not yet used in the document, from `base`. */
  newId(base: string): string;
  message(name: string): ModdleElement;
  error(code: string): ModdleElement;
}

/**
 * How one node type's config maps onto BPMN. `read` returns the keys the element expresses natively;
 * `write` sets them on the element and returns the keys BPMN has no place for, which go to
 * `<baton:config>` (so every key survives a round trip).
 */
export interface Codec {
  read(el: ModdleElement): JsonObject;
  write(el: ModdleElement, config: JsonObject, ctx: WriteContext): JsonObject;
}

const none: Codec = { read: () => ({}), write: (_el, config) => config };

/** Removes `key` from `rest` and returns it when it is a string; other values stay in `rest`. */
function take(rest: JsonObject, key: string): string | undefined {
  const value = rest[key];
  if (typeof value !== 'string') return undefined;
  delete rest[key];
  return value;
}

function eventDefinition(el: ModdleElement, ctx: WriteContext, type: string): ModdleElement {
  const def = many(el, 'eventDefinitions').find((d) => d.$type === type) ?? ctx.moddle.create(type);
  def.$parent = el;
  el.set('eventDefinitions', [def]);
  return def;
}

/**
 * Sets an expression child (`timeDuration`, `conditionExpression`, …) to `body`, reusing the stored
 * element so its id and language survive; with no body, an already empty element stays (it says
 * the same: nothing) and any other goes.
 */
export function setExpression(
  owner: ModdleElement,
  prop: string,
  body: string | undefined,
  ctx: WriteContext,
): void {
  const previous = one(owner, prop);
  if (body === undefined) {
    if (previous && !str(previous, 'body')?.trim()) return;
    owner.set(prop, undefined);
    return;
  }
  const el = previous ?? ctx.moddle.create('bpmn:FormalExpression');
  el.set('body', body);
  el.$parent = owner;
  owner.set(prop, el);
}

const TIMER_FIELDS = [
  ['duration', 'timeDuration'],
  ['date', 'timeDate'],
  ['cycle', 'timeCycle'],
] as const;

const timer: Codec = {
  read(el) {
    const def = many(el, 'eventDefinitions')[0];
    const config: JsonObject = {};
    for (const [key, prop] of TIMER_FIELDS) {
      const body = bodyOf(def, prop);
      if (body !== undefined) config[key] = body;
    }
    return config;
  },
  write(el, config, ctx) {
    const rest = { ...config };
    const def = eventDefinition(el, ctx, 'bpmn:TimerEventDefinition');
    for (const [key, prop] of TIMER_FIELDS) setExpression(def, prop, take(rest, key), ctx);
    return rest;
  },
};

const message: Codec = {
  read(el) {
    const msg = one(many(el, 'eventDefinitions')[0] ?? el, 'messageRef');
    const name = str(msg, 'name') || str(msg, 'id');
    return name ? { message: name } : {};
  },
  write(el, config, ctx) {
    const rest = { ...config };
    const name = take(rest, 'message');
    const target =
      el.$type === 'bpmn:ReceiveTask' ? el : eventDefinition(el, ctx, 'bpmn:MessageEventDefinition');
    target.set('messageRef', name === undefined ? undefined : ctx.message(name));
    return rest;
  },
};

function errorCodec(): Codec {
  const key = 'errorCode';
  return {
    read(el) {
      const error = one(many(el, 'eventDefinitions')[0], 'errorRef');
      const code = str(error, 'errorCode') || str(error, 'id');
      return code ? { [key]: code } : {};
    },
    write(el, config, ctx) {
      const rest = { ...config };
      const code = take(rest, key);
      eventDefinition(el, ctx, 'bpmn:ErrorEventDefinition').set(
        'errorRef',
        code === undefined ? undefined : ctx.error(code),
      );
      return rest;
    },
  };
}

/** Boundary timers and messages: their event plus `interrupting` ↔ `cancelActivity`. */
function interrupting(inner: Codec): Codec {
  return {
    read: (el) => ({ ...inner.read(el), interrupting: el.get('cancelActivity') !== false }),
    write(el, config, ctx) {
      const rest = inner.write(el, config, ctx);
      const value = rest.interrupting;
      el.set('cancelActivity', value === false ? false : undefined);
      if (typeof value === 'boolean') delete rest.interrupting;
      return rest;
    },
  };
}

const terminate: Codec = {
  read: () => ({}),
  write(el, config, ctx) {
    eventDefinition(el, ctx, 'bpmn:TerminateEventDefinition');
    return config;
  },
};

const callActivity: Codec = {
  read(el) {
    const key = str(el, 'calledElement');
    return key ? { definitionKey: key } : {};
  },
  write(el, config) {
    const rest = { ...config };
    el.set('calledElement', take(rest, 'definitionKey'));
    return rest;
  },
};

/** Codecs of the built-in kinds (exhaustive: a new kind must say how it maps). */
export const BUILTIN_CODECS: Record<BuiltinKind, Codec> = {
  start: none,
  end: none,
  terminate,
  errorEnd: errorCodec(),
  timer,
  message,
  timerBoundary: interrupting(timer),
  messageBoundary: interrupting(message),
  errorBoundary: errorCodec(),
  exclusive: none,
  parallel: none,
  inclusive: none,
  eventBased: none,
  subProcess: none,
  callActivity,
  state: none,
};

/** Activities with a native BPMN part; every other activity keeps its whole config in `<baton:config>`. */
export const ACTIVITY_CODECS: Partial<Record<string, Codec>> = { receiveTask: message };

export function codecFor(type: string): Codec {
  return (BUILTIN_CODECS as Record<string, Codec>)[type] ?? ACTIVITY_CODECS[type] ?? none;
}

export function isBuiltin(type: string): type is BuiltinKind {
  return Object.hasOwn(BUILTIN_CODECS, type);
}

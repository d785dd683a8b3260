import type { BpmnModdle } from 'bpmn-moddle';
import { jsonPath } from '../compile/problem.ts';
import { MAX_JSON_DEPTH, pathTooDeep } from '../model/nesting.ts';
import { type ModdleElement, many, one, str } from './moddle.ts';

/** The Baton extension elements; each holds one JSON object as its text. */
export type BatonElement = 'baton:Definition' | 'baton:Config' | 'baton:Trigger';

export type JsonObject = Record<string, unknown>;

export type ReadResult = { ok: true; value: JsonObject | undefined } | { ok: false; error: string };

/** The JSON object in `el`'s `<extensionElements><baton:… >`, undefined when there is none. */
export function readExtension(el: ModdleElement, type: BatonElement): ReadResult {
  const holder = many(one(el, 'extensionElements'), 'values').find((v) => v.$type === type);
  if (!holder) return { ok: true, value: undefined };
  const text = str(holder, 'json')?.trim() ?? '';
  if (text === '') return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return { ok: false, error: `<${type.toLowerCase()}> must hold a JSON object` };
    }
    const tooDeep = pathTooDeep(value);
    if (tooDeep) {
      const where = jsonPath(tooDeep);
      return {
        ok: false,
        error: `<${type.toLowerCase()}> nests deeper than ${MAX_JSON_DEPTH} levels at ${where}`,
      };
    }
    return { ok: true, value: value as JsonObject };
  } catch (e) {
    return { ok: false, error: `<${type.toLowerCase()}> is not valid JSON: ${(e as Error).message}` };
  }
}

/**
 * Replaces `el`'s Baton extension of this type with `value` (none when undefined), leaving other
 * vendors' extension elements alone; drops an `extensionElements` left empty.
 */
export function writeExtension(
  moddle: BpmnModdle,
  el: ModdleElement,
  type: BatonElement,
  value: JsonObject | undefined,
): void {
  let holder = one(el, 'extensionElements');
  const values = many(holder, 'values').filter((v) => v.$type !== type);
  if (value !== undefined) {
    const child = moddle.create(type, { json: JSON.stringify(value) });
    values.push(child);
  }
  if (values.length === 0) {
    if (holder && Object.keys(holder.$attrs).length === 0) el.set('extensionElements', undefined);
    else holder?.set('values', []);
    return;
  }
  if (!holder) {
    holder = moddle.create('bpmn:ExtensionElements');
    el.set('extensionElements', holder);
  }
  holder.set('values', values);
  for (const v of values) v.$parent = holder;
  holder.$parent = el;
}

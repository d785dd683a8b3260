/// <reference path="./bpmn-moddle.d.ts" />
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import batonPackage from './baton.json' with { type: 'json' };

export type { ModdleElement };

/** XML namespace of the Baton extension (see README.md). */
export const BATON_NS = 'http://baton.dev/schema/bpmn';

/** A moddle that knows BPMN 2.0, BPMNDI and the Baton extension. */
export function createModdle(): BpmnModdle {
  return new BpmnModdle({ baton: batonPackage });
}

/** A string property, or undefined when absent or not a string. */
export function str(el: ModdleElement | undefined, name: string): string | undefined {
  const value = el?.get(name);
  return typeof value === 'string' ? value : undefined;
}

/** A single element-valued property (containment or reference). */
export function one(el: ModdleElement | undefined, name: string): ModdleElement | undefined {
  const value = el?.get(name);
  return isElement(value) ? value : undefined;
}

/** A many-valued property; moddle creates the array lazily, so reading it this way never adds it. */
export function many(el: ModdleElement | undefined, name: string): ModdleElement[] {
  if (!el) return [];
  const value = el[name] ?? (name.includes(':') ? el.get(name) : undefined);
  return Array.isArray(value) ? (value.filter(isElement) as ModdleElement[]) : [];
}

export function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
  );
}

export function is(el: ModdleElement | undefined, type: string): boolean {
  return el?.$instanceOf(type) === true;
}

/** The text of a bpmn:Expression-like child (`conditionExpression`, `timeDuration`, …), trimmed; undefined when empty. */
export function bodyOf(el: ModdleElement | undefined, name: string): string | undefined {
  const body = str(one(el, name), 'body')?.trim();
  return body ? body : undefined;
}

/** An element's id, or '' for the few BPMN elements that may lack one. */
export function idOf(el: ModdleElement): string {
  return str(el, 'id') ?? '';
}

/** Every element contained (not referenced) in `root`, depth first, `root` included. */
export function* walk(root: ModdleElement): Generator<ModdleElement> {
  yield root;
  for (const prop of root.$descriptor.properties ?? []) {
    if (prop.isReference || prop.isAttr || prop.isBody || prop.isVirtual) continue;
    const value = root[prop.name] ?? (prop.name.includes(':') ? root.get(prop.name) : undefined);
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) if (isElement(child)) yield* walk(child);
  }
}

import type { InstanceState } from './state.ts';

/** The JSON of list items already written, by the item itself. */
const written = new WeakMap<object, string>();

/**
 * `JSON.stringify(state)`, character for character, reusing the JSON of list items (tokens, scopes,
 * waits, joins) written before. A step replaces the items it changes and keeps the others (the same
 * objects: list-draft.ts), and never changes an item once a step has returned it, so an item's JSON
 * stays valid for as long as the item lives. A wide instance (30 open tasks, ~17 KB) then costs the
 * few items a step touched instead of the whole state.
 */
export function stateJson(state: InstanceState): string {
  let json = '';
  for (const [key, value] of Object.entries(state)) {
    const part = Array.isArray(value) ? listJson(value) : JSON.stringify(value);
    if (part === undefined) continue;
    json += `${json === '' ? '{' : ','}${JSON.stringify(key)}:${part}`;
  }
  return json === '' ? '{}' : `${json}}`;
}

function listJson(items: readonly unknown[]): string {
  let json = '';
  for (const item of items) json += `${json === '' ? '[' : ','}${itemJson(item)}`;
  return json === '' ? '[]' : `${json}]`;
}

function itemJson(item: unknown): string {
  if (item === null || typeof item !== 'object') return JSON.stringify(item) ?? 'null';
  let json = written.get(item);
  if (json === undefined) {
    json = JSON.stringify(item);
    written.set(item, json);
  }
  return json;
}

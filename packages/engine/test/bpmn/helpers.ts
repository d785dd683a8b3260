/// <reference types="node" />
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DefinitionInput } from '../../src/model/index.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** The repository root (four levels up from this folder). */
export const repoRoot = resolve(here, '..', '..', '..', '..');

/** The BPMN MIWG reference models live beside the repository, in `shared/bpmn-miwg`. */
export const miwgDir = resolve(repoRoot, '..', 'shared', 'bpmn-miwg');

export function miwgFiles(): string[] {
  return existsSync(miwgDir)
    ? readdirSync(miwgDir)
        .filter((f) => f.endsWith('.bpmn'))
        .sort()
    : [];
}

export function fixture(name: string): string {
  return readFileSync(join(here, 'fixtures', name), 'utf8');
}

export function fixtureJson(name: string): DefinitionInput {
  return JSON.parse(fixture(name)) as DefinitionInput;
}

export function readMiwg(name: string): string {
  const path = join(miwgDir, name);
  if (!existsSync(path)) throw new Error(`${path} not found: clone the shared folder beside the repository`);
  return readFileSync(path, 'utf8');
}

/** The definition without what bpmn/ keeps for itself. */
export function withoutStored(definition: DefinitionInput | null): DefinitionInput {
  if (!definition) throw new Error('expected a definition');
  const { bpmn: _stored, ...rest } = definition;
  return rest;
}

/** How many elements with this local name (any prefix) the XML holds. */
export function countElements(xml: string, localName: string): number {
  return xml.match(new RegExp(`<(?:[\\w.-]+:)?${localName}[\\s/>]`, 'g'))?.length ?? 0;
}

/** Every `id` attribute value in the XML. */
export function idsOf(xml: string): string[] {
  return [...xml.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
}

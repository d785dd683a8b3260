/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { importBpmn } from '../../src/bpmn/index.ts';
import { withoutStored } from './helpers.ts';

const readme = readFileSync(
  resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'bpmn', 'README.md'),
  'utf8',
);

it('imports the README example as the README says', async () => {
  const xml = /```xml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
  const json: unknown = JSON.parse(/imports as\n\n```json\n([\s\S]*?)```/.exec(readme)?.[1] ?? 'null');
  const { definition, problems } = await importBpmn(xml);
  expect(problems).toEqual([]);
  expect(withoutStored(definition)).toEqual(json);
});

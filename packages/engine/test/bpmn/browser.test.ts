/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'src', 'bpmn');

describe('src/bpmn runs in the browser', () => {
  it.each(readdirSync(src).filter((f) => f.endsWith('.ts')))('%s uses no Node built-ins', (file) => {
    const code = readFileSync(join(src, file), 'utf8');
    expect(code).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|\bprocess\.(env|cwd|argv)/);
  });
});

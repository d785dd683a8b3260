import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUDGET_BYTES, initialBundle } from '../scripts/bundle-size.ts';
import { DIST, ensureWebBuilt, SETUP_TIMEOUT } from './e2e/support.ts';

/** What a phone downloads before the first page: under budget, and without the designer or React Flow. */
describe('the initial bundle', () => {
  beforeAll(ensureWebBuilt, SETUP_TIMEOUT);

  it(`is under ${BUDGET_BYTES / 1024} KB of gzipped JavaScript`, () => {
    expect(initialBundle().js.gzip).toBeLessThan(BUDGET_BYTES);
  });

  it('leaves the designer and React Flow to lazy chunks', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const initial = new Set(initialBundle().files.map((f) => f.file));
    const designerChunks = Object.entries(manifest).filter(([source]) => source.startsWith('src/designer/'));
    expect(designerChunks.length).toBeGreaterThan(0);
    for (const [source, chunk] of designerChunks) expect(initial.has(chunk.file), source).toBe(false);
    for (const file of initial) {
      const code = readFileSync(join(DIST, file), 'utf8');
      expect(code.includes('react-flow__'), `${file} holds React Flow`).toBe(false);
    }
  });
});

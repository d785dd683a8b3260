import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompress } from '../scripts/precompress.ts';

describe('precompress (the build step after vite build)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-precompress-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz beside each text file over 1 KiB, and leaves the rest alone', () => {
    const script = `console.log(${JSON.stringify('Baton '.repeat(500))});`;
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'app.js'), script);
    writeFileSync(join(dir, 'assets', 'tiny.css'), 'a{}');
    writeFileSync(join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));

    expect(precompress(dir)).toBe(1);
    const br = readFileSync(join(dir, 'assets', 'app.js.br'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(readFileSync(join(dir, 'assets', 'app.js.gz'))).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 10);
    expect(() => readFileSync(join(dir, 'assets', 'tiny.css.br'))).toThrow(/ENOENT/);
    expect(() => readFileSync(join(dir, 'assets', 'logo.png.gz'))).toThrow(/ENOENT/);
  });
});

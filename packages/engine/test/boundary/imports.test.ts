import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The engine must run in the browser (the designer's test run uses it): no Node built-ins, no database
 * driver, no HTTP library, no host globals that browsers lack.
 */
const SRC = join(import.meta.dirname, '..', '..', 'src');
const FORBIDDEN_MODULES = [
  /^node:/,
  /^(fs|path|os|child_process|crypto|http|https|net|tls|stream|worker_threads|url|util|events|buffer|process)(\/|$)/,
  /^(better-sqlite3|pg|mysql2?|sqlite3|kysely|redis|ioredis)(\/|$)/,
  /^(fastify|express|koa|hono|axios|undici|node-fetch|got)(\/|$)/,
];
const FORBIDDEN_GLOBALS =
  /(?<![.\w])(process\.(env|argv|exit|cwd|stdout|stderr|nextTick|hrtime)|Buffer\.|require\(|__dirname|Date\.now\(|performance\.now\(|new Date\(\))/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]/g)].map(
    (m) => m[1] as string,
  );
  const dynamic = [...source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] as string);
  return [...specifiers, ...dynamic];
}

describe('engine import boundary', () => {
  const files = sourceFiles(SRC);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('imports no Node built-in, database driver or HTTP library', () => {
    const offences = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter((spec) => FORBIDDEN_MODULES.some((pattern) => pattern.test(spec)))
        .map((spec) => `${relative(SRC, file)} imports ${spec}`),
    );
    expect(offences).toEqual([]);
  });

  it('reads no clock and uses no Node globals', () => {
    const offences = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          FORBIDDEN_GLOBALS.test(line) && !line.trim().startsWith('*')
            ? [`${relative(SRC, file)}:${i + 1}: ${line.trim()}`]
            : [],
        ),
    );
    expect(offences).toEqual([]);
  });

  it('the checks themselves catch offences', () => {
    expect(
      ['const t = Date.now();', 'process.env.X', 'Buffer.from(x)', 'new Date()'].every((l) =>
        FORBIDDEN_GLOBALS.test(l),
      ),
    ).toBe(true);
    expect(
      ['bpmn.process.set(x)', 'new Date(value)', 'const process = 1;'].some((l) => FORBIDDEN_GLOBALS.test(l)),
    ).toBe(false);
    const sample =
      "import { readFileSync } from 'node:fs';\nimport pg from 'pg';\nconst x = await import('fastify');";
    expect(importsOf(sample).filter((s) => FORBIDDEN_MODULES.some((p) => p.test(s)))).toEqual([
      'node:fs',
      'pg',
      'fastify',
    ]);
  });
});

/**
 * Generates src/api/schema.gen.ts from the OpenAPI description of the server in this repository: boots
 * it in-process on a temporary SQLite file, reads /api/docs/json, renders the types and formats them
 * with Biome. `tsx scripts/api-types.ts` writes the file; `--check` only says whether it is current.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { boot, buildApp } from '@baton/server';
import pino from 'pino';
import { type OpenApiDocument, renderApiTypes } from './openapi-to-ts.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../src/api/schema.gen.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** The server's OpenAPI document, as /api/docs/json serves it. */
export async function serverOpenApi(): Promise<OpenApiDocument> {
  const dir = await mkdtemp(join(tmpdir(), 'baton-openapi-'));
  const baton = await boot({
    databaseUrl: `sqlite:${join(dir, 'baton.db')}`,
    worker: false,
    adminToken: 'openapi',
    adminPassword: 'openapi-password',
    log: pino({ level: 'silent' }),
  });
  const app = buildApp({ baton });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    if (res.statusCode !== 200) throw new Error(`/api/docs/json answered ${res.statusCode}`);
    return res.json() as OpenApiDocument;
  } finally {
    await app.close();
    await baton.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** What schema.gen.ts should contain now. */
export async function expectedApiTypes(): Promise<string> {
  const source = renderApiTypes(await serverOpenApi());
  const biome = spawnSync(
    join(ROOT, 'node_modules/.bin/biome'),
    ['format', `--stdin-file-path=${SCHEMA_FILE}`],
    {
      cwd: ROOT,
      input: source,
      encoding: 'utf8',
    },
  );
  if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
  return biome.stdout;
}

async function main() {
  const expected = await expectedApiTypes();
  const current = await readFile(SCHEMA_FILE, 'utf8').catch(() => '');
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error(`${SCHEMA_FILE} is stale: run npm run api-types -w @baton/web`);
      process.exitCode = 1;
    }
    return;
  }
  if (current !== expected) await writeFile(SCHEMA_FILE, expected);
  console.log(current === expected ? 'schema.gen.ts is current' : 'schema.gen.ts written');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectedApiTypes, SCHEMA_FILE } from '../scripts/api-types.ts';

/**
 * The web app's API types are generated from the server's OpenAPI description (itself built from the
 * zod schemas the server validates with). This fails when the server changed and nobody regenerated.
 */
describe('src/api/schema.gen.ts', () => {
  it('matches the running server’s /api/docs/json (npm run api-types -w @baton/web regenerates it)', async () => {
    const [current, expected] = await Promise.all([readFile(SCHEMA_FILE, 'utf8'), expectedApiTypes()]);
    expect(current === expected, 'schema.gen.ts is stale: run npm run api-types -w @baton/web').toBe(true);
  }, 60_000);
});

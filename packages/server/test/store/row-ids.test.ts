import { describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/row-ids.ts';

describe('newRowId', () => {
  it('is a version-7 UUID: unique, and later ids sort after earlier ones', async () => {
    const early = Array.from({ length: 600 }, newRowId);
    await new Promise((resolve) => setTimeout(resolve, 3));
    const late = newRowId();
    expect(new Set(early).size).toBe(early.length);
    for (const id of [...early, late])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(early.every((id) => id < late)).toBe(true);
    // Each id takes fresh random bytes from the pool, across its refills.
    expect(new Set(early.map((id) => id.slice(19))).size).toBe(early.length);
  });
});

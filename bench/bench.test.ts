import { describe, expect, it } from 'vitest';
import { ENGINES, PREPARE } from './engines.ts';
import { PROCESSES } from './processes.ts';

// Structure equivalence only: both engines finish every process and visit the same user tasks.
// Timings are never asserted here; `npm run bench` measures them.
describe('benchmark processes', () => {
  for (const [name, build] of Object.entries(PROCESSES)) {
    it(`${name} completes on both engines with the same number of user tasks`, async () => {
      const p = build();
      const visited: number[] = [];
      for (const engine of ENGINES) visited.push(await (await PREPARE[engine](p))());
      expect(visited).toEqual([p.userTasks, p.userTasks]);
    });
  }
});

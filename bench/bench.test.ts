import { describe, expect, it } from 'vitest';
import { prepareDurableBaton } from './durable/baton.ts';
import { SCRATCH } from './durable/databases.ts';
import { ENGINES, PREPARE } from './engines.ts';
import { PROCESSES } from './processes.ts';
import { summaries } from './targets.ts';

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

// The durable harness: one instance of each process through the service layer on a fresh SQLite file,
// every task completed in its own transaction; the run throws unless the instance completed.
describe('durable benchmark processes (SQLite)', () => {
  for (const [name, build] of Object.entries(PROCESSES)) {
    it(`${name} completes through startInstance and applyEvent with every user task`, async () => {
      const p = build();
      const db = await SCRATCH.sqlite(`smoke-${name}`);
      try {
        const baton = await prepareDurableBaton(p, db.url);
        try {
          expect(await baton.run()).toBe(p.userTasks);
        } finally {
          await baton.close();
        }
      } finally {
        await db.drop();
      }
    });
  }
});

// The summary line judges a target only for a run at the mode's default clients (targets.ts).
describe('summaries', () => {
  const run = (mode: 'http' | 'sqlite', concurrency: number) => ({
    bench: 'approval',
    engine: 'baton',
    mode,
    instances: 100,
    instancesPerSec: 1200,
    p50Ms: 4,
    p95Ms: 9,
    rssMb: 100,
    concurrency,
  });
  it('judge the HTTP p95 target at 64 clients and leave a run with --clients 8 unjudged', () => {
    expect(summaries('approval', ['http'], [run('http', 64)])).toEqual([
      { bench: 'approval', mode: 'http', summary: true, target: 'baton p95Ms < 15 at 64 clients', met: true },
    ]);
    expect(summaries('approval', ['http'], [run('http', 8)])).toEqual([
      { bench: 'approval', mode: 'http', summary: true },
    ]);
  });
  it('judge the designer on its open time and on stutters while it pans and zooms', () => {
    const smooth = { frames: 100, p50: 16.7, janky: 2 };
    const line = (openMs: number, zoomAll = smooth) => ({
      bench: 'construction1800',
      engine: 'baton',
      mode: 'web',
      firstOpenMs: openMs,
      openMs,
      panNear: smooth,
      zoomNear: smooth,
      panAll: smooth,
      zoomAll,
    });
    const met = (l: object) => (summaries('construction1800', ['web'], [l])[0] as { met: boolean }).met;
    expect(met(line(1500))).toBe(true);
    expect(met(line(2500))).toBe(false);
    expect(met(line(1500, { frames: 100, p50: 16.7, janky: 20 }))).toBe(false);
  });
  it('judge the durable targets at 10 instances in flight and leave a run with --clients 1 unjudged', () => {
    expect(summaries('approval', ['sqlite'], [run('sqlite', 10)])).toEqual([
      {
        bench: 'approval',
        mode: 'sqlite',
        summary: true,
        target: 'baton instancesPerSec >= 1000',
        met: true,
      },
    ]);
    expect(summaries('approval', ['sqlite'], [run('sqlite', 1)])).toEqual([
      { bench: 'approval', mode: 'sqlite', summary: true },
    ]);
  });
});

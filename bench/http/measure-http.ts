import { SCRATCH } from '../durable/databases.ts';
import { quantile, type Result, significant } from '../measure.ts';
import type { BenchProcess } from '../processes.ts';
import { lifecycles, publish } from './lifecycle.ts';
import { Clients } from './load.ts';
import { startServer } from './server.ts';

/**
 * Instances per measured run and per warm-up: thousands of requests at 64 connections. The warm-up is
 * the server's steady state, not a formality: V8 optimises hot code on background threads over the
 * first tens of thousands of calls, and after 100 approval instances (500 completions) the first
 * measured round still ran at half the speed of the last; after 3,000 the rounds ran alike.
 */
const COUNTS: Record<string, { run: number; warmup: number; quick: number }> = {
  linear10: { run: 5000, warmup: 10_000, quick: 64 },
  approval: { run: 1000, warmup: 3000, quick: 16 },
  construction1800: { run: 4, warmup: 2, quick: 1 },
};

/** What the latency percentiles are of: starts where the process has no task, else completions. */
export const latencyOf = (p: BenchProcess) =>
  p.userTasks === 0 ? 'POST /api/v1/instances' : 'POST /api/v1/tasks/{id}/complete';

/**
 * `baton serve` on a fresh SQLite file, the process published through the API, a warm-up, then the
 * measured instances (see lifecycle.ts), `clients` requests in flight at a time. `p50Ms`/`p95Ms` are response times of `latencyOf` requests;
 * `instancesPerSec` counts whole lifecycles (starts, listings, completions) over the run's wall time.
 */
export async function measureHttp(
  p: BenchProcess,
  quick: boolean,
  clients: number,
): Promise<Result & { latencyOf: string }> {
  const counts = COUNTS[p.name] ?? { run: 100, warmup: 10, quick: 4 };
  const db = await SCRATCH.sqlite(`http-${p.name}`);
  const server = await startServer(db.url);
  const load = new Clients(server, clients);
  try {
    await publish(server, p);
    if (!quick) await lifecycles(server, load, p, counts.warmup);
    const count = quick ? counts.quick : counts.run;
    const run = await lifecycles(server, load, p, count);
    const latencies = (p.userTasks === 0 ? run.starts : run.completions).sort((a, b) => a - b);
    return {
      bench: p.name,
      engine: 'baton',
      mode: 'http',
      instances: count,
      instancesPerSec: significant(count / run.seconds),
      p50Ms: significant(quantile(latencies, 0.5)),
      p95Ms: significant(quantile(latencies, 0.95)),
      rssMb: server.rssMb(),
      concurrency: clients,
      latencyOf: latencyOf(p),
    };
  } finally {
    await load.close();
    await server.stop();
    await db.drop();
  }
}

import { type EngineName, PREPARE, type RunInstance } from './engines.ts';
import type { BenchProcess } from './processes.ts';

/** How long to warm up and measure: a time, bounded below and above by instance counts. */
export interface Plan {
  warmupMs: number;
  warmupMin: number;
  durationMs: number;
  minInstances: number;
  maxInstances: number;
}

export interface Result {
  bench: string;
  engine: EngineName;
  mode: 'memory';
  instances: number;
  instancesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  rssMb: number;
}

const QUICK: Plan = { warmupMs: 0, warmupMin: 1, durationMs: 50, minInstances: 1, maxInstances: 20 };
const TIMED: Plan = { warmupMs: 500, warmupMin: 5, durationMs: 3000, minInstances: 5, maxInstances: 1e7 };
/** bpmn-engine takes seconds per construction1800 instance: a fixed, small count. */
const SLOW: Plan = { warmupMs: 0, warmupMin: 1, durationMs: 0, minInstances: 3, maxInstances: 3 };

export function planFor(bench: string, engine: EngineName, quick: boolean): Plan {
  if (quick) return QUICK;
  return bench === 'construction1800' && engine === 'bpmn-engine' ? SLOW : TIMED;
}

/** Runs instances one after another: a warm-up, then the measured run; checks every instance's task count. */
export async function measure(p: BenchProcess, engine: EngineName, plan: Plan): Promise<Result> {
  const runOne = await PREPARE[engine](p);
  await loop(p, engine, runOne, plan.warmupMs, plan.warmupMin, plan.warmupMin);
  const started = performance.now();
  const times = await loop(p, engine, runOne, plan.durationMs, plan.minInstances, plan.maxInstances);
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    bench: p.name,
    engine,
    mode: 'memory',
    instances: times.length,
    instancesPerSec: significant(times.length / seconds),
    p50Ms: significant(quantile(times, 0.5)),
    p95Ms: significant(quantile(times, 0.95)),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

async function loop(
  p: BenchProcess,
  engine: EngineName,
  runOne: RunInstance,
  ms: number,
  min: number,
  max: number,
): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ms;
  while (times.length < max && (times.length < min || performance.now() < end)) {
    const t = performance.now();
    const tasks = await runOne();
    times.push(performance.now() - t);
    if (tasks !== p.userTasks)
      throw new Error(`${engine} ${p.name}: visited ${tasks} user tasks, expected ${p.userTasks}`);
  }
  return times;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Four significant digits: 0.2463 instances/s stays meaningful, 81,713 is not falsely precise. */
function significant(n: number): number {
  return Number(n.toPrecision(4));
}

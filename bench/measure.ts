import type { EngineName, RunInstance } from './engines.ts';
import type { BenchProcess } from './processes.ts';

/**
 * Where instances run: in memory, durably through the service layer on a database, or over HTTP; `web`
 * is the designer opening construction1800 in Chromium (bench/web).
 */
export type Mode = 'memory' | 'sqlite' | 'postgres' | 'http' | 'web';
export const MODES: Mode[] = ['memory', 'sqlite', 'postgres', 'http', 'web'];

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
  mode: Mode;
  instances: number;
  instancesPerSec: number;
  p50Ms: number;
  p95Ms: number;
  rssMb: number;
  /** Instances in flight at once (durable modes; memory runs one at a time). */
  concurrency?: number;
}

/** A measurement that could not run, and why (e.g. no PostgreSQL server). */
export interface Skipped {
  bench: string;
  engine?: EngineName;
  mode: Mode;
  skipped: string;
}

const QUICK: Plan = { warmupMs: 0, warmupMin: 1, durationMs: 50, minInstances: 1, maxInstances: 20 };
const TIMED: Plan = { warmupMs: 500, warmupMin: 5, durationMs: 3000, minInstances: 5, maxInstances: 1e7 };
/** Instances of a second or more: bpmn-engine's construction1800 in memory, Baton's durable one. */
const FEW: Plan = { warmupMs: 0, warmupMin: 1, durationMs: 0, minInstances: 3, maxInstances: 3 };
/** One instance, no warm-up: bpmn-engine saving construction1800 at 1,800 waits (~a minute), or --quick. */
const ONCE: Plan = { warmupMs: 0, warmupMin: 0, durationMs: 0, minInstances: 1, maxInstances: 1 };

/** The plan of one engine × process × mode. */
export function planFor(bench: string, engine: EngineName, mode: Mode, quick: boolean): Plan {
  const slow = bench === 'construction1800' && (engine === 'bpmn-engine' || mode !== 'memory');
  if (quick) return slow ? ONCE : QUICK;
  if (bench === 'construction1800' && engine === 'bpmn-engine' && mode !== 'memory') return ONCE;
  return slow ? FEW : TIMED;
}

/**
 * Runs instances, `concurrency` at a time (one after another when 1): a warm-up, then the measured run;
 * checks every instance's task count.
 */
export async function measure(
  p: BenchProcess,
  engine: EngineName,
  mode: Mode,
  runOne: RunInstance,
  plan: Plan,
  concurrency = 1,
): Promise<Result> {
  await loop(p, engine, runOne, plan.warmupMs, plan.warmupMin, plan.warmupMin, concurrency);
  const started = performance.now();
  const times = await loop(
    p,
    engine,
    runOne,
    plan.durationMs,
    plan.minInstances,
    plan.maxInstances,
    concurrency,
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    bench: p.name,
    engine,
    mode,
    instances: times.length,
    instancesPerSec: significant(times.length / seconds),
    p50Ms: significant(quantile(times, 0.5)),
    p95Ms: significant(quantile(times, 0.95)),
    rssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    ...(mode === 'memory' ? {} : { concurrency }),
  };
}

async function loop(
  p: BenchProcess,
  engine: EngineName,
  runOne: RunInstance,
  ms: number,
  min: number,
  max: number,
  concurrency: number,
): Promise<number[]> {
  const times: number[] = [];
  const end = performance.now() + ms;
  let begun = 0;
  const more = () => begun < max && (begun < min || performance.now() < end);
  const lane = async () => {
    while (more()) {
      begun++;
      const t = performance.now();
      const tasks = await runOne();
      times.push(performance.now() - t);
      if (tasks !== p.userTasks)
        throw new Error(`${engine} ${p.name}: visited ${tasks} user tasks, expected ${p.userTasks}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return times;
}

export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/** Four significant digits: 0.2463 instances/s stays meaningful, 81,713 is not falsely precise. */
export function significant(n: number): number {
  return Number(n.toPrecision(4));
}

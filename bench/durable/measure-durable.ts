import { type Mode, measure, type Plan, type Result, significant } from '../measure.ts';
import type { BenchProcess } from '../processes.ts';
import { prepareDurableBaton } from './baton.ts';
import { prepareDurableBpmnEngine } from './bpmn-engine.ts';
import { type DurableMode, SCRATCH } from './databases.ts';

/** Cost of a task completion early and late in an instance: does a step grow with its history? */
export interface StepCost {
  bench: string;
  engine: 'baton';
  mode: Mode;
  check: 'stepCost';
  /** Median ms of the first / last 100 completions of each measured instance, averaged over them. */
  first100Ms: number;
  last100Ms: number;
}

/** Baton through the service layer on a fresh database of `mode`, `clients` instances at a time, dropped afterwards. */
export async function measureDurableBaton(
  p: BenchProcess,
  mode: DurableMode,
  plan: Plan,
  clients: number,
): Promise<{ result: Result; stepCost: StepCost | null }> {
  const db = await SCRATCH[mode](p.name);
  const edges: { first: number; last: number }[] = [];
  try {
    const baton = await prepareDurableBaton(p, db.url, (steps) => {
      if (steps.length >= 200)
        edges.push({ first: median(steps.slice(0, 100)), last: median(steps.slice(-100)) });
    });
    try {
      const warmups = plan.warmupMin;
      const result = await measure(p, 'baton', mode, baton.run, plan, clients);
      const measured = edges.slice(warmups);
      const stepCost: StepCost | null =
        measured.length === 0
          ? null
          : {
              bench: p.name,
              engine: 'baton',
              mode,
              check: 'stepCost',
              first100Ms: significant(mean(measured.map((e) => e.first))),
              last100Ms: significant(mean(measured.map((e) => e.last))),
            };
      return { result, stepCost };
    } finally {
      await baton.close();
    }
  } finally {
    await db.drop();
  }
}

/** The durable baseline on a fresh SQLite file: bpmn-engine saving `getState()` at every wait. */
export async function measureDurableBpmnEngine(p: BenchProcess, plan: Plan): Promise<Result> {
  const db = await SCRATCH.sqlite(`peer-${p.name}`);
  const peer = await prepareDurableBpmnEngine(p, db.url.slice('sqlite:'.length));
  try {
    return await measure(p, 'bpmn-engine', 'sqlite', peer.run, plan);
  } finally {
    peer.close();
    await db.drop();
  }
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
/** Medians, so a stray pause (GC, another process) in 100 steps of ~0.3 ms does not decide the check. */
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

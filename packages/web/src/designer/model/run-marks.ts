import type { RunProgress } from '@baton/engine';
import type { RunMark } from './canvas.ts';

/** A run's progress (the engine's `runProgress`, or the server's for an instance) as the canvas marks it. */
export function runMarks(progress: Pick<RunProgress, 'nodes' | 'flows'>): {
  run: ReadonlyMap<string, RunMark>;
  taken: ReadonlySet<string>;
} {
  return { run: new Map(Object.entries(progress.nodes)), taken: new Set(progress.flows) };
}

import { parseDuration } from '../expressions/duration.ts';
import type { Definition } from '../model/definition.ts';
import { jsonPath, type Problem } from './problem.ts';
import type { ResolvedNode } from './structure.ts';

const CYCLE = /^R(\d*)\/(P.+)$/;

/** Config keys holding ISO 8601 durations (or cycles), per node type. */
const DURATION_KEYS: Record<string, readonly string[]> = {
  timer: ['duration'],
  timerBoundary: ['duration'],
  userTask: ['deadline', 'escalation.remindBefore'],
  wait: ['duration', 'checkEvery'],
};
const CYCLE_KEYS: Record<string, readonly string[]> = { timer: ['cycle'], timerBoundary: ['cycle'] };

const keysOf = (table: Record<string, readonly string[]>, type: string) =>
  Object.hasOwn(table, type) ? (table[type] as readonly string[]) : [];

/** The value at a dotted path (`escalation.remindBefore`) of a config. */
const at = (config: Record<string, unknown>, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      config,
    );

function problemWith(source: string, cycle: boolean): string | null {
  const iso = cycle ? CYCLE.exec(source)?.[2] : source;
  if (iso === undefined) return `"${source}" is not a repeating interval like R3/PT1H`;
  try {
    parseDuration(iso);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Durations and cycles are fixed text: a typo ("P1X", "soon") is reported now, not when the timer starts. */
export function checkDurations(def: Definition, nodes: Map<string, ResolvedNode>, problems: Problem[]): void {
  const check = (
    source: unknown,
    cycle: boolean,
    path: ReadonlyArray<PropertyKey>,
    at: Pick<Problem, 'nodeId' | 'flowId'>,
  ) => {
    if (typeof source !== 'string') return;
    const message = problemWith(source, cycle);
    if (message)
      problems.push({ severity: 'error', code: 'INVALID_CONFIG', message, ...at, path: jsonPath(path) });
  };
  for (const [id, r] of nodes) {
    const type = def.nodes[r.index]?.type ?? '';
    const config = r.config as Record<string, unknown>;
    for (const key of keysOf(DURATION_KEYS, type))
      check(at(config, key), false, ['nodes', r.index, 'config', ...key.split('.')], { nodeId: id });
    for (const key of keysOf(CYCLE_KEYS, type))
      check(at(config, key), true, ['nodes', r.index, 'config', ...key.split('.')], { nodeId: id });
  }
  def.flows.forEach((f, i) => {
    if (f.trigger?.kind === 'timer')
      check(f.trigger.duration, false, ['flows', i, 'trigger', 'duration'], { flowId: f.id });
  });
}

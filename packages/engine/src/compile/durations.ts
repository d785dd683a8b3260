import { parseWait } from '../expressions/duration.ts';
import type { Definition } from '../model/definition.ts';
import { jsonPath, type Problem } from './problem.ts';
import type { ResolvedNode } from './structure.ts';

const CYCLE = /^R(\d*)\/(P.+)$/;

type Kind = 'once' | 'period' | 'cycle';

/** Config keys holding ISO 8601 durations, repeating periods or cycles (R3/PT1H), per node type. */
const KEYS: Record<Kind, Record<string, readonly string[]>> = {
  once: {
    timer: ['duration'],
    timerBoundary: ['duration'],
    userTask: ['deadline', 'escalation.remindBefore'],
    wait: ['duration'],
  },
  period: { wait: ['checkEvery'] },
  cycle: { timer: ['cycle'], timerBoundary: ['cycle'] },
};

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

function problemWith(source: string, kind: Kind): string | null {
  const iso = kind === 'cycle' ? CYCLE.exec(source)?.[2] : source;
  if (iso === undefined) return `"${source}" is not a repeating interval like R3/PT1H`;
  try {
    parseWait(iso, kind !== 'once');
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Durations and cycles are fixed text: a typo ("P1X", "soon", "P300000Y") or a period that would spin
 * the job worker ("R/PT0S") is reported now, not when the timer starts.
 */
export function checkDurations(
  def: Definition,
  nodes: Map<string, ResolvedNode>,
  problems: Problem[],
  severity: Problem['severity'],
): void {
  const check = (
    source: unknown,
    kind: Kind,
    path: ReadonlyArray<PropertyKey>,
    at: Pick<Problem, 'nodeId' | 'flowId'>,
  ) => {
    if (typeof source !== 'string') return;
    const message = problemWith(source, kind);
    if (message) problems.push({ severity, code: 'INVALID_CONFIG', message, ...at, path: jsonPath(path) });
  };
  for (const [id, r] of nodes) {
    const type = def.nodes[r.index]?.type ?? '';
    const config = r.config as Record<string, unknown>;
    for (const kind of ['once', 'period', 'cycle'] as const)
      for (const key of keysOf(KEYS[kind], type))
        check(at(config, key), kind, ['nodes', r.index, 'config', ...key.split('.')], { nodeId: id });
  }
  def.flows.forEach((f, i) => {
    if (f.trigger?.kind === 'timer')
      check(f.trigger.duration, 'once', ['flows', i, 'trigger', 'duration'], { flowId: f.id });
  });
}

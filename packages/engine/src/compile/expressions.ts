import type { ConfigExpression } from '../activities/plugin.ts';
import { activityOf } from '../activities/registry.ts';
import { createExpressionEnvironment } from '../expressions/index.ts';
import type { Declaration, ExpressionEnvironment, ExpressionMode } from '../expressions/types.ts';
import type { Definition } from '../model/definition.ts';
import type { BuiltinKind } from '../model/kinds.ts';
import { jsonPath, type Problem } from './problem.ts';
import type { ResolvedNode } from './structure.ts';

/** Names every expression may use besides the definition's own parameters, variables and constants. */
export const ENGINE_NAMES: Declaration[] = [
  { name: 'document', type: 'map' },
  { name: 'starter', type: 'string' },
  { name: 'actor', type: 'map' },
  { name: 'loopCounter', type: 'number' },
  { name: 'nrOfInstances', type: 'number' },
  { name: 'nrOfCompletedInstances', type: 'number' },
  { name: 'nrOfActiveInstances', type: 'number' },
];

type Declared = Declaration & { at: Pick<Problem, 'nodeId' | 'path'> };

/** The names a definition's expressions may use, each with where it is declared. */
export function declarations(def: Definition): Declared[] {
  const fields = (key: 'parameters' | 'variables' | 'constants') =>
    def[key].map((f, i) => ({ name: f.id, type: f.type, at: { path: `${key}[${i}].id` } }));
  const elements = def.nodes.flatMap((n, i) =>
    n.multiInstance?.elementVariable
      ? [
          {
            name: n.multiInstance.elementVariable,
            type: 'json' as const,
            at: { nodeId: n.id, path: `nodes[${i}].multiInstance.elementVariable` },
          },
        ]
      : [],
  );
  const engine = ENGINE_NAMES.map((d) => ({ ...d, at: {} }));
  const own = [...fields('parameters'), ...fields('variables'), ...fields('constants'), ...elements];
  const seen = new Set<string>();
  return [...engine, ...own].filter((d) => !seen.has(d.name) && seen.add(d.name));
}

/**
 * The expression environment of a definition. A name the expression language cannot declare (`int`,
 * `__proto__`, …) is a problem at its declaration rather than an exception out of `compile`.
 */
export function environmentFor(def: Definition, problems: Problem[]): ExpressionEnvironment {
  const all = declarations(def);
  try {
    return createExpressionEnvironment(all);
  } catch {
    // Find the culprits one by one (only on this failure path) and go on without them.
  }
  const usable = all.filter((d) => {
    try {
      createExpressionEnvironment([d]);
      return true;
    } catch (error) {
      problems.push({ severity: 'error', code: 'SCHEMA', message: (error as Error).message, ...d.at });
      return false;
    }
  });
  return createExpressionEnvironment(usable);
}

export interface Located {
  source: string;
  mode: ExpressionMode;
  path: string;
  at: Pick<Problem, 'nodeId' | 'flowId'>;
}

const expr = (
  source: string,
  path: ReadonlyArray<PropertyKey>,
  at: Located['at'],
  mode: ExpressionMode = 'expression',
): Located => ({
  source,
  mode,
  path: jsonPath(path),
  at,
});

/** Every expression and template in the definition, with where it sits. */
export function collectExpressions(def: Definition, nodes: Map<string, ResolvedNode>): Located[] {
  const out: Located[] = [];
  def.flows.forEach((f, i) => {
    if (f.condition !== undefined) out.push(expr(f.condition, ['flows', i, 'condition'], { flowId: f.id }));
    if (f.trigger?.kind === 'command' && f.trigger.allowed)
      out.push(expr(f.trigger.allowed, ['flows', i, 'trigger', 'allowed'], { flowId: f.id }));
    if (f.trigger?.kind === 'message' && f.trigger.correlationKey)
      out.push(expr(f.trigger.correlationKey, ['flows', i, 'trigger', 'correlationKey'], { flowId: f.id }));
  });
  for (const [id, r] of nodes) {
    const at = { nodeId: id };
    const mi = def.nodes[r.index]?.multiInstance;
    for (const key of ['cardinality', 'collection', 'completionCondition'] as const) {
      const source = mi?.[key];
      if (source !== undefined) out.push(expr(source, ['nodes', r.index, 'multiInstance', key], at));
    }
    const prefix = ['nodes', r.index, 'config'];
    const inConfig = (list: ConfigExpression[], base: ReadonlyArray<PropertyKey> = prefix) => {
      for (const e of list) out.push(expr(e.source, [...base, ...e.path], at, e.mode));
    };
    if (r.plugin) inConfig(r.plugin.expressions(r.config));
    else inConfig(builtinExpressions(r.kind as BuiltinKind, r.config));
    if (r.kind === 'state') {
      (r.config as { entry: { type: string; config: unknown }[] }).entry.forEach((action, i) => {
        inConfig(entryExpressions(action), [...prefix, 'entry', i, 'config']);
      });
    }
  }
  return out;
}

function builtinExpressions(kind: BuiltinKind, config: unknown): ConfigExpression[] {
  const c = config as Record<string, unknown>;
  const out: ConfigExpression[] = [];
  if ((kind === 'timer' || kind === 'timerBoundary') && typeof c.date === 'string')
    out.push({ path: ['date'], source: c.date, mode: 'expression' });
  if ((kind === 'message' || kind === 'messageBoundary') && typeof c.correlationKey === 'string') {
    out.push({ path: ['correlationKey'], source: c.correlationKey, mode: 'expression' });
  }
  if (kind === 'callActivity') {
    for (const [name, source] of Object.entries(c.params as Record<string, string>))
      out.push({ path: ['params', name], source, mode: 'expression' });
  }
  return out;
}

/** Expressions of a state's entry action; none when the action itself is invalid (reported elsewhere). */
function entryExpressions(action: { type: string; config: unknown }): ConfigExpression[] {
  const plugin = activityOf(action.type);
  const parsed = plugin?.configSchema.safeParse(action.config);
  return plugin && parsed?.success ? plugin.expressions(parsed.data) : [];
}

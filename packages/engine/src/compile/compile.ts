import type { CompiledExpression, ExpressionMode } from '../expressions/types.ts';
import { type Definition, definitionSchema } from '../model/definition.ts';
import type { Flow } from '../model/flow.ts';
import { checkAttachments } from './attachments.ts';
import type { CompiledDefinition, CompiledNode, CompileOutcome } from './compiled.ts';
import { checkDurations } from './durations.ts';
import { collectExpressions, environmentFor } from './expressions.ts';
import { checkLoops, checkParallelMerges, checkPaths, loopEdges, successors } from './graph.ts';
import type { Problem } from './problem.ts';
import { checkStructure, issuesToProblems, type ResolvedNode } from './structure.ts';
import { NodeSet, upstreamSets } from './upstream.ts';

export interface CompileOptions {
  /**
   * The definition is a version already published (a server loading it to run its instances): limits
   * added to compile after it was published — how deep sub-processes nest, how long a wait may be, how
   * often a timer may repeat, patterns RE2 refuses — are warnings, so its running instances keep their version; the runtime
   * fails an instance that reaches such a wait.
   */
  published?: boolean;
}

/**
 * Validates a definition and prepares it to run. Returns every problem found, not just the first:
 * errors make `ok` false; warnings come with the compiled definition. Never throws on bad input.
 *
 * @example
 * const out = compile(json);
 * if (!out.ok) for (const p of out.problems) console.error(formatProblem(p));
 */
export function compile(input: unknown, options: CompileOptions = {}): CompileOutcome {
  const parsed = definitionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesToProblems(parsed.error.issues, [], 'SCHEMA') };
  const def = parsed.data;
  const problems: Problem[] = [];
  const limits: Problem['severity'] = options.published ? 'warning' : 'error';
  const resolved = checkStructure(def, problems, limits);
  checkStarts(def, resolved, problems);
  checkGateways(def, resolved, problems);
  const next = successors(def);
  checkPaths(def, resolved, next, problems);
  checkLoops(resolved, next, problems);
  checkParallelMerges(def, resolved, next, problems);
  checkDurations(def, resolved, problems, limits);
  checkAttachments(def, resolved, problems);

  const env = environmentFor(def, problems);
  const expressions = new Map<string, CompiledExpression>();
  for (const e of collectExpressions(def, resolved)) {
    const result = env.compile(e.source, e.mode);
    if (result.ok) expressions.set(`${e.mode}:${e.source}`, result.expression);
    if (result.problem)
      problems.push({
        severity: result.ok ? limits : 'error',
        code: result.problem.code,
        message: result.problem.message,
        ...e.at,
        path: e.path,
      });
  }

  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems };
  const warnings = problems;
  const nodes = buildNodes(def, resolved, next);
  const compiled: CompiledDefinition = {
    definition: def,
    nodes,
    starts: groupStarts(nodes),
    warnings,
    expression(source: string, mode: ExpressionMode) {
      const known = expressions.get(`${mode}:${source}`);
      if (known) return known;
      const result = env.compile(source, mode);
      if (!result.ok)
        throw new Error(`expression "${source}" was not checked by compile: ${result.problem.message}`);
      expressions.set(`${mode}:${source}`, result.expression);
      return result.expression;
    },
  };
  return { ok: true, compiled, warnings };
}

function checkStarts(def: Definition, nodes: Map<string, ResolvedNode>, problems: Problem[]) {
  if (!def.nodes.some((n) => n.type === 'start' && !n.parent)) {
    problems.push({
      severity: 'error',
      code: 'NO_START',
      message: 'the process has no start event',
      path: 'nodes',
    });
  }
  for (const [id, r] of nodes) {
    if (r.kind !== 'subProcess') continue;
    const starts = def.nodes.filter((n) => n.type === 'start' && n.parent === id).length;
    if (starts !== 1) {
      const message = `sub-process "${id}" needs exactly one start event, has ${starts}`;
      problems.push({ severity: 'error', code: 'NO_START', message, nodeId: id, path: `nodes[${r.index}]` });
    }
  }
}

function checkGateways(def: Definition, nodes: Map<string, ResolvedNode>, problems: Problem[]) {
  const outgoing = groupFlows(def.flows, 'source');
  for (const [id, r] of nodes) {
    const out = outgoing.get(id) ?? [];
    const defaults = out.filter((f) => f.default);
    const at = { nodeId: id, path: `nodes[${r.index}]` };
    if (defaults.length > 1)
      problems.push({
        severity: 'error',
        code: 'BAD_STRUCTURE',
        message: `node "${id}" has ${defaults.length} default flows`,
        ...at,
      });
    if (
      r.kind === 'exclusive' &&
      out.length > 1 &&
      defaults.length === 0 &&
      !out.some((f) => f.condition === undefined || f.condition.trim() === 'true')
    ) {
      problems.push({
        severity: 'warning',
        code: 'GATEWAY_NO_DEFAULT',
        message: `exclusive gateway "${id}" has no default flow; if no condition holds the instance fails`,
        ...at,
      });
    }
  }
}

function groupFlows(flows: Flow[], end: 'source' | 'target'): Map<string, Flow[]> {
  const out = new Map<string, Flow[]>();
  for (const f of flows) {
    const list = out.get(f[end]);
    if (list) list.push(f);
    else out.set(f[end], [f]);
  }
  return out;
}

function groupStarts(nodes: Map<string, CompiledNode>): Map<string, CompiledNode[]> {
  const starts = new Map<string, CompiledNode[]>();
  for (const n of nodes.values()) {
    if (n.kind !== 'start') continue;
    const scope = n.node.parent ?? '';
    starts.set(scope, [...(starts.get(scope) ?? []), n]);
  }
  return starts;
}

function buildNodes(
  def: Definition,
  resolved: Map<string, ResolvedNode>,
  next: Map<string, string[]>,
): Map<string, CompiledNode> {
  const outgoing = groupFlows(def.flows, 'source');
  const incoming = groupFlows(def.flows, 'target');
  const starts = [...resolved].filter(([, r]) => r.kind === 'start').map(([id]) => id);
  const loops = loopEdges([...starts, ...next.keys()], next);
  const previous = new Map<string, string[]>();
  for (const [id, targets] of next)
    for (const t of targets) {
      if (loops.has(`${id}\n${t}`)) continue;
      const sources = previous.get(t);
      if (sources) sources.push(id);
      else previous.set(t, [id]);
    }
  const joins = [...resolved].filter(
    ([id, r]) => r.kind === 'inclusive' && (incoming.get(id)?.length ?? 0) > 1,
  );
  const upstream = upstreamSets(
    previous,
    joins.map(([id]) => id),
  );
  const nodes = new Map<string, CompiledNode>();
  for (const [id, r] of resolved) {
    const node = def.nodes[r.index] as Definition['nodes'][number];
    const out = outgoing.get(id) ?? [];
    nodes.set(id, {
      node,
      kind: r.kind,
      plugin: r.plugin,
      config: r.config,
      incoming: incoming.get(id) ?? [],
      outgoing: out,
      defaultFlow: out.find((f) => f.default) ?? null,
      boundaries: [],
      upstream: upstream.get(id) ?? NodeSet.EMPTY,
    });
  }
  for (const compiled of nodes.values()) {
    const host = compiled.node.attachedTo === undefined ? undefined : nodes.get(compiled.node.attachedTo);
    host?.boundaries.push(compiled);
  }
  return nodes;
}

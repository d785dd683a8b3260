import type { z } from 'zod';
import type { ActivityPlugin } from '../activities/plugin.ts';
import { activityOf } from '../activities/registry.ts';
import type { Definition } from '../model/definition.ts';
import { BOUNDARY_KINDS, BUILTIN_KIND_CONFIGS, type BuiltinKind } from '../model/kinds.ts';
import { MAX_SUBPROCESS_DEPTH } from '../model/nesting.ts';
import type { ProcessNode } from '../model/node.ts';
import { jsonPath, type Problem } from './problem.ts';

export interface ResolvedNode {
  index: number;
  kind: BuiltinKind | 'activity';
  plugin: ActivityPlugin<unknown> | null;
  config: unknown;
}

const isBuiltin = (type: string): type is BuiltinKind => Object.hasOwn(BUILTIN_KIND_CONFIGS, type);
const isBoundary = (kind: string) => (BOUNDARY_KINDS as readonly string[]).includes(kind);

/** zod issues as problems under a JSON path prefix. */
export function issuesToProblems(
  issues: readonly z.core.$ZodIssue[],
  prefix: ReadonlyArray<PropertyKey>,
  code: Problem['code'],
  at: Pick<Problem, 'nodeId' | 'flowId'> = {},
): Problem[] {
  // An unknown key is located at the key itself, one problem each, not at the object holding it.
  return issues.flatMap((issue) =>
    (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path]).map(
      (path): Problem => ({
        severity: 'error',
        code,
        // A record's bad key: say what is wrong with it, not just "Invalid key in record".
        message:
          issue.code === 'invalid_key'
            ? issue.issues.map((inner) => inner.message).join('; ')
            : issue.message,
        ...at,
        path: jsonPath([...prefix, ...path]),
      }),
    ),
  );
}

/**
 * Checks ids, node types and configs, containment and flow ends; returns the nodes it could resolve.
 * `limits` is the severity of sub-processes nested too deep (compile.ts: a warning for a published version).
 */
export function checkStructure(
  def: Definition,
  problems: Problem[],
  limits: Problem['severity'],
): Map<string, ResolvedNode> {
  const resolved = new Map<string, ResolvedNode>();
  const seen = new Map<string, string>();
  const claim = (id: string, path: string, at: Pick<Problem, 'nodeId' | 'flowId'>) => {
    const first = seen.get(id);
    if (first)
      problems.push({
        severity: 'error',
        code: 'DUPLICATE_ID',
        message: `id "${id}" is already used at ${first}`,
        ...at,
        path,
      });
    else seen.set(id, path);
  };

  def.nodes.forEach((node, index) => {
    const at = { nodeId: node.id };
    claim(node.id, `nodes[${index}]`, at);
    const plugin = isBuiltin(node.type) ? null : (activityOf(node.type) ?? null);
    if (!isBuiltin(node.type) && !plugin) {
      problems.push({
        severity: 'error',
        code: 'UNKNOWN_NODE_TYPE',
        message: `unknown node type "${node.type}"`,
        ...at,
        path: `nodes[${index}].type`,
      });
      return;
    }
    const schema: z.ZodType = plugin ? plugin.configSchema : BUILTIN_KIND_CONFIGS[node.type as BuiltinKind];
    const parsed = schema.safeParse(node.config ?? {});
    if (!parsed.success) {
      problems.push(
        ...issuesToProblems(parsed.error.issues, ['nodes', index, 'config'], 'INVALID_CONFIG', at),
      );
      return;
    }
    const kind = plugin ? 'activity' : (node.type as BuiltinKind);
    resolved.set(node.id, { index, kind, plugin, config: parsed.data });
    if (kind === 'state')
      checkEntryActions(
        parsed.data as { entry: { type: string; config: unknown }[] },
        index,
        node.id,
        problems,
      );
  });

  for (const [id, r] of resolved) checkContainment(def, id, r, resolved, problems, limits);
  const byId = new Map(def.nodes.map((n) => [n.id, n]));
  def.flows.forEach((flow, index) => {
    claim(flow.id, `flows[${index}]`, { flowId: flow.id });
    checkFlow(def, index, byId, resolved, problems);
  });
  return resolved;
}

function checkEntryActions(
  config: { entry: { type: string; config: unknown }[] },
  index: number,
  nodeId: string,
  problems: Problem[],
) {
  config.entry.forEach((action, i) => {
    const path = ['nodes', index, 'config', 'entry', i];
    const plugin = activityOf(action.type);
    if (!plugin || plugin.waits) {
      const message = plugin
        ? `entry action "${action.type}" waits; only immediate actions may run on entry`
        : `unknown activity type "${action.type}"`;
      problems.push({
        severity: 'error',
        code: plugin ? 'BAD_STRUCTURE' : 'UNKNOWN_NODE_TYPE',
        message,
        nodeId,
        path: jsonPath([...path, 'type']),
      });
      return;
    }
    const parsed = plugin.configSchema.safeParse(action.config);
    if (!parsed.success)
      problems.push(
        ...issuesToProblems(parsed.error.issues, [...path, 'config'], 'INVALID_CONFIG', { nodeId }),
      );
    else action.config = parsed.data;
  });
}

function checkContainment(
  def: Definition,
  id: string,
  r: ResolvedNode,
  all: Map<string, ResolvedNode>,
  problems: Problem[],
  limits: Problem['severity'],
) {
  const node = def.nodes[r.index];
  if (!node) return;
  const bad = (
    message: string,
    field: string,
    code: Problem['code'] = 'BAD_REFERENCE',
    severity: Problem['severity'] = 'error',
  ) =>
    problems.push({
      severity,
      code,
      message,
      nodeId: id,
      path: `nodes[${r.index}].${field}`,
    });
  if (node.parent !== undefined && all.get(node.parent)?.kind !== 'subProcess') {
    bad(`parent "${node.parent}" is not a sub-process of this definition`, 'parent');
  }
  const enclosing = enclosingOf(def, id, all);
  if (enclosing.at(-1) === id) bad(`parents form a cycle: ${[id, ...enclosing].join(' → ')}`, 'parent');
  else if (r.kind === 'subProcess' && enclosing.length >= MAX_SUBPROCESS_DEPTH)
    bad(
      `sub-process is nested more than ${MAX_SUBPROCESS_DEPTH} levels deep`,
      'parent',
      'BAD_STRUCTURE',
      limits,
    );
  if (isBoundary(r.kind)) {
    const host = node.attachedTo === undefined ? undefined : all.get(node.attachedTo);
    if (!host)
      bad(
        `boundary event must be attached to an existing activity (attachedTo "${node.attachedTo ?? ''}")`,
        'attachedTo',
      );
    else if (!['activity', 'subProcess', 'callActivity'].includes(host.kind))
      bad(`boundary event is attached to "${node.attachedTo}", which is not an activity`, 'attachedTo');
    else if (def.nodes[host.index]?.parent !== node.parent)
      bad('boundary event must be in the same sub-process as its activity', 'parent');
  } else if (node.attachedTo !== undefined) {
    bad(`only boundary events may have attachedTo (this is a ${node.type})`, 'attachedTo');
  }
}

function checkFlow(
  def: Definition,
  index: number,
  byId: Map<string, ProcessNode>,
  nodes: Map<string, ResolvedNode>,
  problems: Problem[],
) {
  const flow = def.flows[index];
  if (!flow) return;
  const at = { flowId: flow.id };
  const source = byId.get(flow.source);
  const target = byId.get(flow.target);
  if (!source)
    problems.push({
      severity: 'error',
      code: 'FLOW_SOURCE_MISSING',
      message: `flow source "${flow.source}" is not a node`,
      ...at,
      path: `flows[${index}].source`,
    });
  if (!target)
    problems.push({
      severity: 'error',
      code: 'FLOW_TARGET_MISSING',
      message: `flow target "${flow.target}" is not a node`,
      ...at,
      path: `flows[${index}].target`,
    });
  if (!source || !target) return;
  const structural = (message: string, field = '') =>
    problems.push({
      severity: 'error',
      code: 'BAD_STRUCTURE',
      message,
      ...at,
      path: `flows[${index}]${field}`,
    });
  if (source.parent !== target.parent)
    structural(`flow crosses a sub-process border (${flow.source} → ${flow.target})`);
  const sourceKind = nodes.get(source.id)?.kind;
  const targetKind = nodes.get(target.id)?.kind;
  if (targetKind === 'start' || (targetKind && isBoundary(targetKind)))
    structural(`a flow cannot enter ${target.type} "${target.id}"`, '.target');
  if (sourceKind && ['end', 'terminate', 'errorEnd'].includes(sourceKind))
    structural(`a flow cannot leave end event "${source.id}"`, '.source');
  if (sourceKind === 'state' && !flow.trigger)
    structural(`a flow leaving state "${source.id}" needs a trigger (command, timer or message)`, '.trigger');
  if (sourceKind !== 'state' && flow.trigger)
    structural('only flows leaving a state node have a trigger', '.trigger');
}

/**
 * The sub-processes around node `id`, innermost first, up to one more than the nesting limit; ends with
 * `id` itself when the parents lead back to it (checkStructure must not loop, or recurse, on that).
 */
function enclosingOf(def: Definition, id: string, all: Map<string, ResolvedNode>): string[] {
  const chain: string[] = [];
  for (let parent = parentOf(def, id, all); parent !== undefined; parent = parentOf(def, parent, all)) {
    if (chain.includes(parent)) return chain; // into a cycle that does not pass through `id`
    chain.push(parent);
    if (parent === id || chain.length > MAX_SUBPROCESS_DEPTH) return chain;
  }
  return chain;
}

const parentOf = (def: Definition, id: string, all: Map<string, ResolvedNode>) => {
  const r = all.get(id);
  return r === undefined ? undefined : def.nodes[r.index]?.parent;
};

import type { Definition } from '../model/definition.ts';
import type { Problem } from './problem.ts';
import type { ResolvedNode } from './structure.ts';

/**
 * Successor lists over flows plus activity → boundary edges (a boundary event is reached via its host).
 * Nodes whose type or config is invalid stay in the graph (already reported), so one bad node does not
 * make everything after it unreachable.
 */
export function successors(def: Definition): Map<string, string[]> {
  const next = new Map<string, string[]>();
  for (const n of def.nodes) next.set(n.id, []);
  for (const f of def.flows) if (next.has(f.target)) next.get(f.source)?.push(f.target);
  for (const n of def.nodes) if (n.attachedTo) next.get(n.attachedTo)?.push(n.id);
  return next;
}

const ENDS = new Set(['end', 'terminate', 'errorEnd']);
const WAIT_KINDS = new Set(['timer', 'message', 'eventBased', 'state', 'callActivity', 'subProcess']);

export function isWaitState(r: ResolvedNode): boolean {
  return WAIT_KINDS.has(r.kind) || r.plugin?.waits === true;
}

function walk(from: Iterable<string>, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>(from);
  const stack = [...seen];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const n of edges.get(id) ?? []) {
      if (seen.has(n)) continue;
      seen.add(n);
      stack.push(n);
    }
  }
  return seen;
}

/** Unreachable nodes (errors) and nodes from which no end can be reached (warnings). */
export function checkPaths(
  def: Definition,
  nodes: Map<string, ResolvedNode>,
  next: Map<string, string[]>,
  problems: Problem[],
) {
  const parentOf = new Map(def.nodes.map((n) => [n.id, n.parent]));
  // A sub-process's children are reached through the sub-process itself.
  const withChildren = new Map(next);
  for (const n of def.nodes) {
    if (n.type === 'start' && n.parent && nodes.has(n.id))
      withChildren.set(n.parent, [...(withChildren.get(n.parent) ?? []), n.id]);
  }
  const rootStarts = def.nodes.filter((n) => n.type === 'start' && !n.parent).map((n) => n.id);
  const reached = walk(rootStarts, withChildren);
  for (const [id, r] of nodes) {
    if (!reached.has(id) && rootStarts.length > 0) {
      problems.push({
        severity: 'error',
        code: 'UNREACHABLE',
        message: `node "${id}" cannot be reached from a start event`,
        nodeId: id,
        path: `nodes[${r.index}]`,
      });
    }
  }
  const previous = new Map<string, string[]>();
  for (const [id, targets] of next)
    for (const t of targets) previous.set(t, [...(previous.get(t) ?? []), id]);
  // A node with no way out ends its scope (an implicit end), as does an explicit end event; an invalid
  // node is given the benefit of the doubt.
  const ends = [...next.keys()].filter((id) => {
    const r = nodes.get(id);
    return !r || ENDS.has(r.kind) || (next.get(id)?.length === 0 && r.kind !== 'start');
  });
  const canEnd = walk(ends, previous);
  for (const [id, r] of nodes) {
    if (reached.has(id) && !canEnd.has(id) && parentOf.has(id)) {
      problems.push({
        severity: 'warning',
        code: 'NO_PATH_TO_END',
        message: `no path leads from node "${id}" to an end event`,
        nodeId: id,
        path: `nodes[${r.index}]`,
      });
    }
  }
}

/** Strongly connected components (Tarjan, iterative), for loops that never wait. */
function components(next: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
  };
  for (const root of next.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as [string, number];
      const [v, i] = frame;
      const targets = next.get(v) ?? [];
      if (i < targets.length) {
        frame[1]++;
        const w = targets[i] as string;
        if (!index.has(w)) {
          visit(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0]) as number, low.get(v) as number));
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
          onStack.delete(w);
          scc.push(w);
          if (w === v) break;
        }
        out.push(scc);
      }
    }
  }
  return out;
}

/** Warns about cycles that contain no wait state: entering one runs until the step's node budget is spent. */
export function checkLoops(
  nodes: Map<string, ResolvedNode>,
  next: Map<string, string[]>,
  problems: Problem[],
) {
  for (const scc of components(next)) {
    const first = scc[0] as string;
    const cyclic = scc.length > 1 || next.get(first)?.includes(first);
    const waits = (id: string) => {
      const r = nodes.get(id);
      return r === undefined || isWaitState(r);
    };
    if (!cyclic || scc.some(waits)) continue;
    const ids = [...scc].sort((a, b) => (nodes.get(a)?.index ?? 0) - (nodes.get(b)?.index ?? 0));
    problems.push({
      severity: 'warning',
      code: 'LOOP_WITHOUT_WAIT',
      message: `loop through ${ids.join(' → ')} has no wait state; unless a condition exits it, it will fail at run time`,
      nodeId: ids[0] as string,
    });
  }
}

/**
 * The edges that close a loop, found by a depth-first walk from `roots` (start events first): an edge
 * to a node still on the walk's stack. Without them the graph is acyclic.
 */
export function loopEdges(roots: Iterable<string>, next: Map<string, string[]>): Set<string> {
  const back = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  for (const root of roots) {
    if (state.has(root)) continue;
    state.set(root, 'open');
    const work: [string, number][] = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1] as [string, number];
      const target = next.get(frame[0])?.[frame[1]++];
      if (target === undefined) {
        state.set(frame[0], 'done');
        work.pop();
      } else if (state.get(target) === 'open') back.add(`${frame[0]}\n${target}`);
      else if (!state.has(target)) {
        state.set(target, 'open');
        work.push([target, 0]);
      }
    }
  }
  return back;
}

/**
 * Warns about a parallel gateway with several incoming flows that a loop leads back into: each pass
 * waits for a token on every incoming flow, so the second pass waits forever. (Merge with an exclusive
 * gateway first.) A common slip when a process "returns to an earlier block".
 */
export function checkParallelMerges(
  def: Definition,
  nodes: Map<string, ResolvedNode>,
  next: Map<string, string[]>,
  problems: Problem[],
) {
  const starts = def.nodes.filter((n) => n.type === 'start').map((n) => n.id);
  const loops = loopEdges([...starts, ...next.keys()], next);
  for (const flow of def.flows) {
    const gateway = nodes.get(flow.target);
    if (gateway?.kind !== 'parallel' || !loops.has(`${flow.source}\n${flow.target}`)) continue;
    if (def.flows.filter((f) => f.target === flow.target).length < 2) continue;
    problems.push({
      severity: 'warning',
      code: 'PARALLEL_JOIN_IN_LOOP',
      message: `parallel gateway "${flow.target}" is entered again through loop flow "${flow.id}"; it waits for every incoming flow, so that pass never continues — merge with an exclusive gateway`,
      nodeId: flow.target,
      flowId: flow.id,
    });
  }
}

import type { CompiledNode } from '../../compile/compiled.ts';
import type { Flow } from '../../model/flow.ts';
import { ProcessFailure } from '../errors.ts';
import type { Execution } from '../execution.ts';
import { joinKey, take } from '../lifecycle.ts';
import type { Token } from '../state.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { correlationKeyOf, planTimer, scheduleTimer, subscribe, type TimerSpec } from './time.ts';

const holds = (exec: Execution, token: Token, node: CompiledNode, f: Flow) =>
  f.condition === undefined || exec.evaluate(f.condition, token.scopeId, node.node.id) === true;

function decide(exec: Execution, token: Token, node: CompiledNode, flows: Flow[]): void {
  if (flows.length === 0) {
    throw new ProcessFailure(
      'NO_FLOW',
      `gateway "${node.node.id}": no condition holds and there is no default flow`,
      node.node.id,
    );
  }
  exec.record('gateway.decided', {
    nodeId: node.node.id,
    tokenId: token.id,
    data: { flows: flows.map((f) => f.id) },
  });
  exec.record('node.completed', { nodeId: node.node.id, tokenId: token.id });
  take(exec, token, flows);
}

/**
 * Waits at a join until `ready` says so, then merges the waiting tokens into one and runs `split`.
 * `ready` is asked only once `needed` tokens wait: a parallel join of n branches would otherwise look
 * at every waiting token on each of the n arrivals.
 */
function join(
  exec: Execution,
  token: Token,
  node: CompiledNode,
  ready: (waiting: Token[]) => boolean,
  split: (t: Token) => void,
  needed = 1,
): void {
  if (node.incoming.length <= 1) {
    split(token);
    return;
  }
  const key = joinKey(token);
  exec.updateToken(token.id, { phase: 'joining' });
  const waiting = [...(exec.joins.get(key)?.tokenIds ?? []), token.id];
  exec.setJoin(key, waiting);
  if (waiting.length >= needed) fireJoin(exec, key, ready, split);
}

function fireJoin(
  exec: Execution,
  key: string,
  ready: (waiting: Token[]) => boolean,
  split: (t: Token) => void,
): boolean {
  const waiting = (exec.joins.get(key)?.tokenIds ?? []).map((id) => exec.token(id));
  if (!ready(waiting)) return false;
  // Consume one token per incoming flow that has one; later arrivals on a flow wait for the next firing.
  const consumed = new Map<string | null, Token>();
  for (const t of waiting) if (!consumed.has(t.via)) consumed.set(t.via, t);
  const rest = waiting.filter((t) => consumed.get(t.via) !== t).map((t) => t.id);
  exec.setJoin(key, rest);
  const first = [...consumed.values()][0] as Token;
  // Every activation that entered the join leaves it: the merged ones complete into the one that goes on.
  for (const t of consumed.values()) {
    if (t === first) continue;
    exec.record('node.completed', { nodeId: t.nodeId, tokenId: t.id, data: { joinedInto: first.id } });
    exec.drop(t);
  }
  split(exec.updateToken(first.id, { phase: 'waiting' }));
  return true;
}

/** Exclusive (XOR): the first flow, in definition order, whose condition holds; else the default. */
export const exclusive: NodeBehaviour = {
  enter(exec, token, node) {
    const chosen = node.outgoing.find((f) => !f.default && holds(exec, token, node, f)) ?? node.defaultFlow;
    decide(exec, token, node, chosen ? [chosen] : []);
  },
};

/** Parallel (AND): joins one token from every incoming flow, then splits to every outgoing flow. */
export const parallel: NodeBehaviour = {
  enter(exec, token, node) {
    const ready = (waiting: Token[]) => {
      const arrived = new Set(waiting.map((t) => t.via));
      return node.incoming.every((f) => arrived.has(f.id));
    };
    const split = (t: Token) => decide(exec, t, node, node.outgoing);
    join(exec, token, node, ready, split, node.incoming.length);
  },
};

const inclusiveSplit = (exec: Execution, token: Token, node: CompiledNode) => {
  const chosen = node.outgoing.filter((f) => !f.default && holds(exec, token, node, f));
  decide(exec, token, node, chosen.length > 0 ? chosen : node.defaultFlow ? [node.defaultFlow] : []);
};

/**
 * Inclusive join is ready when no other token of the scope can still arrive: none is upstream of it (a
 * token waiting at an upstream join arrives once that join fires), and none is already on its way in
 * (spawned at the join but not yet entered).
 */
function inclusiveReady(exec: Execution, node: CompiledNode, scopeId: string): (waiting: Token[]) => boolean {
  return (waiting) => {
    if (waiting.length === 0) return false;
    for (const other of exec.tokens.values()) {
      if (
        other.scopeId === scopeId &&
        (node.upstream.has(other.nodeId) || (other.nodeId === node.node.id && other.phase !== 'joining'))
      )
        return false;
    }
    return true;
  };
}

/** Inclusive (OR): splits to every flow whose condition holds; joins the tokens that can still arrive. */
export const inclusive: NodeBehaviour = {
  enter(exec, token, node) {
    join(exec, token, node, inclusiveReady(exec, node, token.scopeId), (t) => inclusiveSplit(exec, t, node));
  },
};

/** Fires inclusive joins that became ready because tokens elsewhere ended; true if any fired. */
export function settleInclusiveJoins(exec: Execution): boolean {
  let fired = false;
  for (const { id: key, tokenIds } of exec.joins.values()) {
    const first = tokenIds[0];
    const token = first ? exec.tokens.get(first) : undefined;
    const node = token ? exec.node(token.nodeId) : undefined;
    if (!token || node?.kind !== 'inclusive') continue;
    fired =
      fireJoin(exec, key, inclusiveReady(exec, node, token.scopeId), (t) => inclusiveSplit(exec, t, node)) ||
      fired;
  }
  return fired;
}

/** Event-based gateway: waits on the timers and messages after it; the first to happen wins. */
export const eventBased: NodeBehaviour = {
  enter(exec, token, node) {
    for (const flow of node.outgoing) {
      const target = exec.node(flow.target);
      const via = { kind: 'branch', targetId: target.node.id } as const;
      if (target.kind === 'timer') {
        const plan = planTimer(exec, target.config as TimerSpec, token.scopeId, target.node.id);
        scheduleTimer(exec, token.id, target.node.id, { dueAt: plan.dueAt, repeat: null }, via);
      } else if (target.kind === 'message' || target.plugin?.type === 'receiveTask') {
        const c = target.config as { message: string; correlationKey?: string };
        subscribe(
          exec,
          token.id,
          target.node.id,
          c.message,
          correlationKeyOf(exec, c.correlationKey, token.scopeId, target.node.id),
          via,
        );
      } else {
        throw new ProcessFailure(
          'BAD_EVENT_GATEWAY',
          `event-based gateway "${node.node.id}" leads to "${target.node.id}", which is not a timer or message event`,
          node.node.id,
        );
      }
    }
  },
};

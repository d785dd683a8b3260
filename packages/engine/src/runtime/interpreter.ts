import type { CompiledNode } from '../compile/compiled.ts';
import type { BuiltinKind } from '../model/kinds.ts';
import type { Execution } from './execution.ts';
import { complete } from './lifecycle.ts';
import { executionDone, startMultiInstance } from './multi-instance.ts';
import { activity } from './nodes/activity.ts';
import type { NodeBehaviour } from './nodes/behaviour.ts';
import { callActivity, subProcess } from './nodes/containers.ts';
import { errorEnd, message, passThrough, terminate, timer } from './nodes/events.ts';
import { eventBased, exclusive, inclusive, parallel, settleInclusiveJoins } from './nodes/gateways.ts';
import { state } from './nodes/state-node.ts';
import { correlationKeyOf, planTimer, scheduleTimer, subscribe, type TimerSpec } from './nodes/time.ts';
import type { Token } from './state.ts';

/** Every node kind has a behaviour: a new kind without one does not compile. */
export const BEHAVIOURS: Record<BuiltinKind | 'activity', NodeBehaviour> = {
  start: passThrough,
  end: passThrough,
  terminate,
  errorEnd,
  timer,
  message,
  timerBoundary: passThrough,
  messageBoundary: passThrough,
  errorBoundary: passThrough,
  exclusive,
  parallel,
  inclusive,
  eventBased,
  subProcess,
  callActivity,
  state,
  activity,
};

function enter(exec: Execution, token: Token): void {
  const node = exec.node(token.nodeId);
  exec.record('node.entered', { nodeId: node.node.id, tokenId: token.id });
  if (node.node.multiInstance && !token.inner) startMultiInstance(exec, token, node);
  else BEHAVIOURS[node.kind].enter(exec, token, node);
  const after = exec.tokens.get(token.id);
  if (
    after &&
    !after.inner &&
    node.boundaries.length > 0 &&
    after.phase !== 'joining' &&
    !exec.isCompleting(after.id)
  ) {
    armBoundaries(exec, after, node);
  }
}

/** Starts the timers and subscriptions of an activity's boundary events while it runs. */
function armBoundaries(exec: Execution, token: Token, node: CompiledNode): void {
  for (const b of node.boundaries) {
    const via = { kind: 'boundary', boundaryId: b.node.id } as const;
    if (b.kind === 'timerBoundary')
      scheduleTimer(
        exec,
        token.id,
        b.node.id,
        planTimer(exec, b.config as TimerSpec, token.scopeId, b.node.id),
        via,
      );
    if (b.kind === 'messageBoundary') {
      const c = b.config as { message: string; correlationKey?: string };
      subscribe(
        exec,
        token.id,
        b.node.id,
        c.message,
        correlationKeyOf(exec, c.correlationKey, token.scopeId, b.node.id),
        via,
      );
    }
  }
}

/** Runs queued entries and completions until every token waits (or the instance ends). */
export function run(exec: Execution): void {
  exec.drain(
    (op, token) => {
      if (op === 'enter') enter(exec, token);
      else complete(exec, token, executionDone);
    },
    () => settleInclusiveJoins(exec),
  );
}

import type { Resumption } from '../activities/plugin.ts';
import type { Execution } from './execution.ts';
import { BEHAVIOURS } from './interpreter.ts';
import { cancelToken, take } from './lifecycle.ts';
import { scheduleTimer, subscribe } from './nodes/time.ts';
import type { Wait } from './state.ts';

/** Routes a resolved wait (task done, timer fired, message arrived) to whatever was waiting on it. */
export function resolve(exec: Execution, wait: Wait, why: Resumption): void {
  exec.resolveWait(wait);
  const token = exec.token(wait.tokenId);
  const via = wait.kind === 'task' ? ({ kind: 'own' } as const) : wait.via;
  const payload = why.kind === 'message' ? why.payload : {};
  switch (via.kind) {
    case 'own': {
      const node = exec.node(token.nodeId);
      BEHAVIOURS[node.kind].resume?.(exec, token, node, why);
      return;
    }
    case 'boundary': {
      const boundary = exec.node(via.boundaryId);
      exec.setVariables(payload, boundary.node.id);
      const interrupting = (boundary.config as { interrupting?: boolean }).interrupting ?? true;
      if (interrupting) cancelToken(exec, token, `boundary event ${boundary.node.id}`);
      else if (wait.kind === 'timer' && wait.repeat && (wait.repeat.left === null || wait.repeat.left > 1)) {
        const left = wait.repeat.left === null ? null : wait.repeat.left - 1;
        scheduleTimer(
          exec,
          token.id,
          wait.nodeId,
          { dueAt: wait.dueAt + wait.repeat.everyMs, repeat: { left, everyMs: wait.repeat.everyMs } },
          via,
        );
      } else if (wait.kind === 'message') {
        subscribe(exec, token.id, wait.nodeId, wait.message, wait.correlationKey, via);
      }
      exec.queueComplete(exec.place(boundary.node.id, token.scopeId, null).id);
      return;
    }
    case 'branch': {
      // Event-based gateway: this branch won; the others are withdrawn.
      exec.cancelWaits(
        token.waits.filter((id) => id !== wait.id),
        'another event came first',
      );
      const gateway = exec.node(token.nodeId);
      const flow = gateway.outgoing.find((f) => f.target === via.targetId);
      exec.record('gateway.decided', {
        nodeId: gateway.node.id,
        tokenId: token.id,
        data: { flows: flow ? [flow.id] : [] },
      });
      exec.record('node.completed', { nodeId: gateway.node.id, tokenId: token.id });
      exec.drop(exec.token(token.id));
      const target = exec.place(via.targetId, token.scopeId, flow?.id ?? null);
      exec.setVariables(payload, via.targetId);
      exec.queueComplete(target.id);
      return;
    }
    case 'transition': {
      const flow = exec.node(token.nodeId).outgoing.find((f) => f.id === via.flowId);
      leaveState(exec, token.id, flow ? [flow] : [], payload);
      return;
    }
  }
}

/** A state node is left along a transition: its other waits are withdrawn. */
export function leaveState(
  exec: Execution,
  tokenId: string,
  flows: Parameters<typeof take>[2],
  payload: Record<string, unknown>,
): void {
  const token = exec.token(tokenId);
  exec.cancelWaits(token.waits, 'state left');
  exec.setVariables(payload, token.nodeId);
  exec.record('node.completed', { nodeId: token.nodeId, tokenId });
  take(exec, exec.token(tokenId), flows);
}

import { cancelContents, scopeFinished, throwError } from '../lifecycle.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { correlationKeyOf, planTimer, scheduleTimer, subscribe, type TimerSpec } from './time.ts';

type MessageConfig = { message: string; correlationKey?: string };

/** Start, end and boundary events pass straight through; the lifecycle handles what follows. */
export const passThrough: NodeBehaviour = {
  enter: (exec, token) => exec.queueComplete(token.id),
};

/** Terminate end: cancels every other token of its scope; the process (or sub-process) is done. */
export const terminate: NodeBehaviour = {
  enter(exec, token) {
    exec.record('node.completed', { nodeId: token.nodeId, tokenId: token.id });
    exec.drop(token);
    cancelContents(exec, token.scopeId, 'terminated by end event');
    scopeFinished(exec, token.scopeId);
  },
};

/** Error end: throws a BPMN error to the nearest matching error boundary event. */
export const errorEnd: NodeBehaviour = {
  enter(exec, token, node) {
    const { errorCode, message } = node.config as { errorCode: string; message?: string };
    throwError(exec, token, errorCode, message ?? `error ${errorCode}`, false);
  },
};

/** Intermediate timer catch event: waits until its time. */
export const timer: NodeBehaviour = {
  enter(exec, token, node) {
    const plan = planTimer(exec, node.config as TimerSpec, token.scopeId, node.node.id);
    scheduleTimer(exec, token.id, node.node.id, { dueAt: plan.dueAt, repeat: null }, { kind: 'own' });
  },
  resume: (exec, token) => exec.queueComplete(token.id),
};

/** Intermediate message catch event: waits for its message; the payload becomes variables. */
export const message: NodeBehaviour = {
  enter(exec, token, node) {
    const c = node.config as MessageConfig;
    subscribe(
      exec,
      token.id,
      node.node.id,
      c.message,
      correlationKeyOf(exec, c.correlationKey, token.scopeId, node.node.id),
      { kind: 'own' },
    );
  },
  resume(exec, token, node, why) {
    if (why.kind === 'message') exec.setVariables(why.payload, node.node.id);
    exec.queueComplete(token.id);
  },
};

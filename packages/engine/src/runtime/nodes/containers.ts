import { CALL_COMPLETED_MESSAGE } from '../effects.ts';
import { throwError } from '../lifecycle.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { subscribe } from './time.ts';

/** Embedded sub-process: runs its own start event in a child scope; completes when that scope empties. */
export const subProcess: NodeBehaviour = {
  enter(exec, token, node) {
    const scope = exec.openScope('subProcess', token.id, token.scopeId);
    exec.updateToken(token.id, { phase: 'inside', childScopeId: scope.id });
    for (const start of exec.compiled.starts.get(node.node.id) ?? [])
      exec.spawn(start.node.id, scope.id, null);
  },
};

type CallConfig = { definitionKey: string; wait: boolean; params: Record<string, string> };

/**
 * Call activity: asks the runtime to start another definition. When it waits, the child's end arrives as
 * message `baton.callCompleted` keyed by the call id, with `{ status, variables }`; a failed child is an
 * error `CALL_FAILED` that an error boundary event can catch.
 */
export const callActivity: NodeBehaviour = {
  enter(exec, token, node) {
    const c = node.config as CallConfig;
    const params: Record<string, unknown> = {};
    for (const [name, source] of Object.entries(c.params))
      params[name] = exec.evaluate(source, token.scopeId, node.node.id);
    const callId = c.wait ? exec.nextId('c') : null;
    if (callId) subscribe(exec, token.id, node.node.id, CALL_COMPLETED_MESSAGE, callId, { kind: 'own' });
    exec.emit({
      type: 'startProcess',
      key: exec.nextId('e'),
      nodeId: node.node.id,
      definitionKey: c.definitionKey,
      params,
      callId,
    });
    if (!callId) exec.queueComplete(token.id);
  },
  resume(exec, token, node, why) {
    if (why.kind !== 'message') return;
    const { status, variables } = why.payload as { status?: string; variables?: Record<string, unknown> };
    if (status === 'failed' || status === 'terminated') {
      throwError(
        exec,
        token,
        'CALL_FAILED',
        `called process ${(node.config as CallConfig).definitionKey} ${status}`,
        true,
      );
      return;
    }
    exec.setVariables(variables ?? {}, node.node.id);
    exec.queueComplete(token.id);
  },
};

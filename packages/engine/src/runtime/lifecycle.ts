import type { CompiledNode } from '../compile/compiled.ts';
import type { Flow } from '../model/flow.ts';
import { ProcessFailure } from './errors.ts';
import type { Execution } from './execution.ts';
import type { Token } from './state.ts';

/**
 * The token lifecycle, written once: leave a node along flows, finish scopes, cancel, throw errors.
 * Node behaviours (nodes/) only decide when a token completes and which flows it takes.
 */

/** The node is done: record it, drop its leftover waits, and move on (or report to the multi-instance). */
export function complete(
  exec: Execution,
  token: Token,
  onInnerDone: (exec: Execution, token: Token) => void,
): void {
  const node = exec.node(token.nodeId);
  exec.record('node.completed', { nodeId: token.nodeId, tokenId: token.id });
  exec.cancelWaits(exec.token(token.id).waits, 'activity completed');
  const current = exec.token(token.id);
  if (current.inner) onInnerDone(exec, current);
  else take(exec, current, outgoingOf(exec, current, node));
}

/** Flows an ordinary node leaves by: unconditional ones and those whose condition holds, else the default. */
export function outgoingOf(exec: Execution, token: Token, node: CompiledNode): Flow[] {
  if (node.outgoing.length <= 1 && !node.outgoing[0]?.condition) return node.outgoing;
  const chosen = node.outgoing.filter(
    (f) =>
      !f.default &&
      (f.condition === undefined || exec.evaluate(f.condition, token.scopeId, node.node.id) === true),
  );
  if (chosen.length > 0) return chosen;
  if (node.defaultFlow) return [node.defaultFlow];
  throw new ProcessFailure(
    'NO_FLOW',
    `no outgoing flow of "${node.node.id}" has a condition that holds`,
    node.node.id,
  );
}

/** Moves a token along flows: one new activation per flow; none ends the token. */
export function take(exec: Execution, token: Token, flows: readonly Flow[]): void {
  const scopeId = token.scopeId;
  const finished = exec.drop(token);
  for (const flow of flows) exec.spawn(flow.target, scopeId, flow.id);
  if (flows.length === 0 && finished) scopeFinished(exec, scopeId);
}

/** A scope with no live tokens: the process completes, a sub-process activation completes its owner. */
export function scopeFinished(exec: Execution, scopeId: string): void {
  const scope = exec.scope(scopeId);
  if (scope.kind === 'root') {
    exec.state.status = 'completed';
    exec.record('instance.completed');
    return;
  }
  if (scope.kind !== 'subProcess' || !scope.ownerTokenId) return;
  exec.closeScope(scopeId);
  const owner = exec.updateToken(scope.ownerTokenId, { childScopeId: null });
  exec.queueComplete(owner.id);
}

/** Withdraws a token and everything under it (its waits, its sub-process or multi-instance scope). */
export function cancelToken(exec: Execution, token: Token, reason: string): void {
  exec.cancelWaits(exec.token(token.id).waits, reason);
  const current = exec.token(token.id);
  if (current.childScopeId) cancelScope(exec, current.childScopeId, reason);
  if (current.phase === 'joining') {
    const key = joinKey(current);
    const rest = (exec.joins.get(key)?.tokenIds ?? []).filter((id) => id !== current.id);
    exec.setJoin(key, rest);
  }
  exec.record('node.cancelled', { nodeId: current.nodeId, tokenId: current.id, data: { reason } });
  exec.drop(current);
}

/** Cancels every token in a scope and in the scopes nested in it, then forgets the scope. */
export function cancelScope(exec: Execution, scopeId: string, reason: string): void {
  cancelContents(exec, scopeId, reason);
  exec.closeScope(scopeId);
}

/** Cancels what runs in a scope but keeps the scope (terminate end events). */
export function cancelContents(exec: Execution, scopeId: string, reason: string): void {
  for (const token of exec.tokens.values()) {
    if (token.scopeId === scopeId && exec.tokens.get(token.id))
      cancelToken(exec, exec.token(token.id), reason);
  }
  for (const scope of exec.scopes.values()) {
    if (scope.parentScopeId === scopeId && scope.kind !== 'subProcess') cancelScope(exec, scope.id, reason);
  }
}

export const joinKey = (token: Pick<Token, 'scopeId' | 'nodeId'>) => `${token.scopeId}/${token.nodeId}`;

/**
 * Throws a BPMN error from a token: the nearest error boundary event on the token's own node, or on an
 * enclosing sub-process or multi-instance activity, catches it; uncaught, the instance fails.
 */
export function throwError(
  exec: Execution,
  token: Token,
  code: string,
  message: string,
  catchOnOwnNode: boolean,
): void {
  exec.record('error.thrown', { nodeId: token.nodeId, tokenId: token.id, data: { code, message } });
  if (catchOnOwnNode && catchAt(exec, token, code)) return;
  // The throwing token ends here; whoever catches the error cancels the rest of its scope.
  if (!catchOnOwnNode) exec.drop(token);
  let scopeId = token.scopeId;
  for (;;) {
    const scope = exec.scopes.get(scopeId);
    if (!scope || scope.kind === 'root' || scope.ownerTokenId === null) {
      if (scope?.kind === 'instance' && scope.parentScopeId) {
        scopeId = scope.parentScopeId;
        continue;
      }
      throw new ProcessFailure(code, message, token.nodeId);
    }
    const owner = exec.token(scope.ownerTokenId);
    if (catchAt(exec, owner, code)) return;
    scopeId = owner.scopeId;
  }
}

/** Catches an error at a token's error boundary event, if it has a matching one. */
function catchAt(exec: Execution, token: Token, code: string): boolean {
  const boundary = token.inner ? undefined : errorBoundaryFor(exec.node(token.nodeId), code);
  if (!boundary) return false;
  const scopeId = token.scopeId;
  cancelToken(exec, exec.token(token.id), `error ${code}`);
  exec.queueComplete(exec.place(boundary.node.id, scopeId, null).id);
  return true;
}

function errorBoundaryFor(node: CompiledNode, code: string): CompiledNode | undefined {
  return node.boundaries.find((b) => {
    if (b.kind !== 'errorBoundary') return false;
    const wanted = (b.config as { errorCode?: string }).errorCode;
    return wanted === undefined || wanted === code;
  });
}

import type { CompiledNode } from '../compile/compiled.ts';
import type { MultiInstance } from '../model/node.ts';
import { ProcessFailure } from './errors.ts';
import type { Execution } from './execution.ts';
import { cancelScope } from './lifecycle.ts';
import type { Token } from './state.ts';

/**
 * The most executions one multi-instance activity may have. Its cardinality can come from a start
 * field: a count of 10⁹ would have created that many tokens in one step, taking the server down.
 * Half a step's node budget (DEFAULT_MAX_NODE_EXECUTIONS), so that many parallel executions start in
 * one step; a task to each of more people is a user task with `mode: all`, which has no such limit.
 */
export const MAX_MULTI_INSTANCE = 5_000;

/**
 * Multi-instance activities: the outer token waits `inside` a multiInstance scope while each execution
 * runs as an inner token in its own `instance` scope (with loopCounter and the element variable).
 */
export function startMultiInstance(exec: Execution, token: Token, node: CompiledNode): void {
  const mi = node.node.multiInstance as MultiInstance;
  const nodeId = node.node.id;
  let items: unknown[] | null = null;
  let total: number;
  if (mi.collection !== undefined) {
    const value = exec.evaluate(mi.collection, token.scopeId, nodeId);
    if (!Array.isArray(value))
      throw new ProcessFailure(
        'BAD_COLLECTION',
        `multi-instance collection of "${nodeId}" is not a list`,
        nodeId,
      );
    items = value;
    total = value.length;
  } else if (mi.cardinality !== undefined) {
    total = Number(exec.evaluate(mi.cardinality, token.scopeId, nodeId));
    if (!Number.isInteger(total) || total < 0)
      throw new ProcessFailure(
        'BAD_CARDINALITY',
        `multi-instance cardinality of "${nodeId}" is not a whole number`,
        nodeId,
      );
  } else {
    throw new ProcessFailure(
      'BAD_MULTI_INSTANCE',
      `multi-instance "${nodeId}" needs a collection or a cardinality`,
      nodeId,
    );
  }
  if (total > MAX_MULTI_INSTANCE)
    throw new ProcessFailure(
      'MULTI_INSTANCE_TOO_LARGE',
      `multi-instance "${nodeId}" would run ${total} times; at most ${MAX_MULTI_INSTANCE.toLocaleString('en')}`,
      nodeId,
    );
  const scope = exec.openScope('multiInstance', token.id, token.scopeId);
  exec.updateScope(scope.id, { multiInstance: { total, completed: 0, active: 0, started: 0, items } });
  exec.updateToken(token.id, { phase: 'inside', childScopeId: scope.id });
  if (total === 0) {
    exec.queueComplete(token.id);
    return;
  }
  const first = mi.sequential ? 1 : total;
  for (let i = 0; i < first; i++) startExecution(exec, scope.id, node);
}

function startExecution(exec: Execution, miScopeId: string, node: CompiledNode): void {
  const mi = node.node.multiInstance as MultiInstance;
  const progress = exec.scope(miScopeId).multiInstance as NonNullable<
    ReturnType<Execution['scope']>['multiInstance']
  >;
  const loopCounter = progress.started;
  const locals: Record<string, unknown> = { loopCounter };
  if (mi.elementVariable && progress.items) locals[mi.elementVariable] = progress.items[loopCounter];
  exec.updateScope(miScopeId, {
    multiInstance: { ...progress, started: loopCounter + 1, active: progress.active + 1 },
  });
  const instance = exec.openScope('instance', null, miScopeId, locals);
  exec.spawn(node.node.id, instance.id, null, true);
}

/** One execution finished: count it, check the completion condition, start the next or finish. */
export function executionDone(exec: Execution, inner: Token): void {
  const instanceScope = exec.scope(inner.scopeId);
  exec.drop(inner);
  exec.closeScope(instanceScope.id);
  const miScopeId = instanceScope.parentScopeId as string;
  const miScope = exec.scope(miScopeId);
  const node = exec.node(inner.nodeId);
  const mi = node.node.multiInstance as MultiInstance;
  const before = miScope.multiInstance as NonNullable<typeof miScope.multiInstance>;
  const progress = { ...before, completed: before.completed + 1, active: before.active - 1 };
  exec.updateScope(miScopeId, { multiInstance: progress });
  const early =
    mi.completionCondition !== undefined &&
    exec.evaluate(mi.completionCondition, miScopeId, node.node.id) === true;
  if (early || progress.completed === progress.total) {
    const owner = miScope.ownerTokenId as string;
    cancelScope(exec, miScopeId, 'multi-instance completion condition met');
    exec.updateToken(owner, { childScopeId: null });
    exec.queueComplete(owner);
  } else if (mi.sequential) {
    startExecution(exec, miScopeId, node);
  }
}

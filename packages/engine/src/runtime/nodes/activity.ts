import type {
  ActivityContext,
  ActivityOutcome,
  ActivityPlugin,
  Resumption,
} from '../../activities/plugin.ts';
import type { CompiledNode } from '../../compile/compiled.ts';
import type { Execution } from '../execution.ts';
import { throwError } from '../lifecycle.ts';
import type { Token } from '../state.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { addIso, scheduleTimer, subscribe } from './time.ts';

/** Binds an activity to one token: everything it does is recorded against that activation. */
function contextFor(
  exec: Execution,
  tokenId: string,
  node: CompiledNode,
  config: unknown,
  outcome: { thrown: boolean },
): ActivityContext<unknown> {
  const nodeId = node.node.id;
  const scopeId = () => exec.token(tokenId).scopeId;
  return {
    node,
    config,
    now: exec.now,
    evaluate: (source) => exec.evaluate(source, scopeId(), nodeId),
    render: (template) => String(exec.evaluate(template, scopeId(), nodeId, 'template')),
    setVariables: (values) => exec.setVariables(values, nodeId),
    setDocumentFields: (values) => exec.setDocumentFields(values),
    variable: (name) => exec.valuesFor(scopeId())[name],
    documentField: (name) => exec.state.document?.[name],
    effect: (effect) =>
      exec.emit({ ...effect, key: exec.nextId('e'), nodeId } as Parameters<Execution['emit']>[0]),
    createTask(spec) {
      const taskId = exec.nextId('t');
      exec.addWait({ kind: 'task', id: taskId, tokenId, nodeId });
      exec.emit({
        type: 'createTask',
        taskId,
        nodeId,
        ...spec,
        ...(node.node.role ? { role: node.node.role } : {}),
      });
      exec.record('task.created', {
        nodeId,
        tokenId,
        taskId,
        data: { kind: spec.kind, assignees: spec.assignees },
      });
      return taskId;
    },
    cancelTask: (taskId, reason) => exec.cancelWait(taskId, reason),
    scheduleTimer: (dueAt) => scheduleTimer(exec, tokenId, nodeId, { dueAt, repeat: null }, { kind: 'own' }),
    subscribe: (message, correlationKey) =>
      subscribe(exec, tokenId, nodeId, message, correlationKey, { kind: 'own' }),
    addDuration: (from, iso, workingTime) => addIso(exec, from, iso, workingTime, nodeId),
    data: <T>() => exec.token(tokenId).data as T | undefined,
    setData: (data) => void exec.updateToken(tokenId, { data }),
    throwError(code, message) {
      outcome.thrown = true;
      throwError(exec, exec.token(tokenId), code, message, true);
    },
  };
}

function settle(exec: Execution, token: Token, result: ActivityOutcome, outcome: { thrown: boolean }): void {
  if (!outcome.thrown && result === 'complete') exec.queueComplete(token.id);
}

/** Runs an activity plugin; also used for a state's entry actions (which must complete at once). */
export function runImmediate(
  exec: Execution,
  token: Token,
  node: CompiledNode,
  plugin: ActivityPlugin<unknown>,
  config: unknown,
): boolean {
  const outcome = { thrown: false };
  plugin.start(contextFor(exec, token.id, node, config, outcome));
  return !outcome.thrown;
}

/** Hosts activity plugins (user task, e-mail, …) as node behaviour. */
export const activity: NodeBehaviour = {
  enter(exec, token, node) {
    const outcome = { thrown: false };
    const plugin = node.plugin as ActivityPlugin<unknown>;
    settle(exec, token, plugin.start(contextFor(exec, token.id, node, node.config, outcome)), outcome);
  },
  resume(exec, token, node, why: Resumption) {
    const outcome = { thrown: false };
    const plugin = node.plugin as ActivityPlugin<unknown>;
    const result = plugin.resume
      ? plugin.resume(contextFor(exec, token.id, node, node.config, outcome), why)
      : 'complete';
    settle(exec, token, result, outcome);
  },
};

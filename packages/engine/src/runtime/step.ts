import type { CompiledDefinition } from '../compile/compiled.ts';
import type { StepContext, StepResult } from './context.ts';
import { EventRejected, ProcessFailure } from './errors.ts';
import type { EngineEvent } from './events.ts';
import { Execution } from './execution.ts';
import type { HistoryEvent } from './history.ts';
import { BEHAVIOURS, run } from './interpreter.ts';
import { cancelContents } from './lifecycle.ts';
import { checkParams } from './params.ts';
import { leaveState, resolve } from './resolve.ts';
import type { InstanceState } from './state.ts';

type Handlers = {
  [K in EngineEvent['type']]: (exec: Execution, event: Extract<EngineEvent, { type: K }>) => void;
};

const HANDLERS: Handlers = {
  start(exec, event) {
    const def = exec.compiled.definition;
    const params = checkParams(def.parameters, event.params ?? {});
    const defaults = Object.fromEntries(
      def.variables.filter((v) => v.default !== undefined).map((v) => [v.id, v.default]),
    );
    exec.state.starter = event.starter ?? null;
    exec.state.document = event.document ?? null;
    const root = exec.openScope('root', null, null);
    exec.record('instance.started', {
      ...(event.starter ? { actor: event.starter } : {}),
      data: { definition: def.key, version: def.version },
    });
    exec.setVariables({ ...defaults, ...params });
    const start = exec.compiled.starts.get('')?.[0];
    if (start) exec.spawn(start.node.id, root.id, null);
  },
  taskCompleted(exec, event) {
    const wait = exec.waits.get(event.taskId);
    if (wait?.kind !== 'task') throw new EventRejected('TASK_NOT_OPEN', `task ${event.taskId} is not open`);
    const actor = event.actor?.id;
    exec.record('task.completed', {
      nodeId: wait.nodeId,
      tokenId: wait.tokenId,
      taskId: wait.id,
      ...(actor ? { actor } : {}),
      data: { outcome: event.outcome ?? null },
    });
    resolve(exec, wait, {
      kind: 'task',
      taskId: wait.id,
      variables: event.variables ?? {},
      ...(event.outcome ? { outcome: event.outcome } : {}),
      ...(event.actor ? { actor: event.actor } : {}),
    });
  },
  taskReassigned(exec, event) {
    const wait = exec.waits.get(event.taskId);
    if (wait?.kind !== 'task') throw new EventRejected('TASK_NOT_OPEN', `task ${event.taskId} is not open`);
    if (event.assignees.length === 0)
      throw new EventRejected('NO_ASSIGNEES', `task ${event.taskId} cannot be handed to nobody`);
    const token = exec.token(wait.tokenId);
    const node = exec.node(token.nodeId);
    const from = BEHAVIOURS[node.kind].reassign?.(exec, token, node, wait.id, event.assignees) ?? [];
    exec.record(event.cause === 'delegated' ? 'task.delegated' : 'task.reassigned', {
      nodeId: wait.nodeId,
      tokenId: wait.tokenId,
      taskId: wait.id,
      ...(event.actor ? { actor: event.actor.id } : {}),
      data: {
        from,
        to: event.assignees,
        ...(event.meantFor === undefined ? {} : { meantFor: event.meantFor }),
        ...(event.reason === undefined ? {} : { reason: event.reason }),
      },
    });
  },
  timerFired(exec, event) {
    const wait = exec.waits.get(event.timerId);
    if (wait?.kind !== 'timer')
      throw new EventRejected('TIMER_NOT_PENDING', `timer ${event.timerId} is not pending`);
    exec.record('timer.fired', { nodeId: wait.nodeId, tokenId: wait.tokenId, timerId: wait.id });
    resolve(exec, wait, { kind: 'timer', timerId: wait.id });
  },
  message(exec, event) {
    const key = event.correlationKey ?? null;
    const wait = exec.waits
      .values()
      .find(
        (w) =>
          w.kind === 'message' &&
          w.message === event.name &&
          (w.correlationKey === null || w.correlationKey === key),
      );
    if (!wait)
      throw new EventRejected(
        'MESSAGE_NOT_CORRELATED',
        `no one waits for message "${event.name}"${key === null ? '' : ` with key "${key}"`}`,
      );
    exec.record('message.received', {
      nodeId: wait.nodeId,
      tokenId: wait.tokenId,
      data: { name: event.name, correlationKey: key },
    });
    resolve(exec, wait, { kind: 'message', waitId: wait.id, payload: event.payload ?? {} });
  },
  command(exec, event) {
    const available: string[] = [];
    for (const token of exec.tokens.values()) {
      const node = exec.node(token.nodeId);
      if (node.kind !== 'state') continue;
      for (const flow of node.outgoing) {
        if (flow.trigger?.kind !== 'command') continue;
        available.push(flow.trigger.command);
        if (flow.trigger.command !== event.command) continue;
        const actor = { id: event.actor?.id ?? '', roles: event.actor?.roles ?? [] };
        if (
          flow.trigger.allowed &&
          exec.evaluate(flow.trigger.allowed, token.scopeId, node.node.id, 'expression', { actor }) !== true
        ) {
          throw new EventRejected(
            'COMMAND_NOT_ALLOWED',
            `${actor.id || 'this user'} may not invoke "${event.command}" in state "${node.node.id}"`,
          );
        }
        exec.record('command.invoked', {
          nodeId: node.node.id,
          tokenId: token.id,
          ...(actor.id ? { actor: actor.id } : {}),
          data: { command: event.command },
        });
        leaveState(exec, token.id, [flow], event.payload ?? {});
        return;
      }
    }
    throw new EventRejected(
      'COMMAND_NOT_AVAILABLE',
      `command "${event.command}" is not available; available: ${available.join(', ') || 'none'}`,
    );
  },
  terminate(exec, event) {
    const root = exec.scopes.values().find((s) => s.kind === 'root');
    if (root) cancelContents(exec, root.id, event.reason ?? 'terminated');
    exec.state.status = 'terminated';
    exec.record('instance.terminated', {
      ...(event.actor ? { actor: event.actor.id } : {}),
      data: { reason: event.reason ?? null },
    });
  },
};

/**
 * Applies one event to an instance: the new state, the effects the runtime must perform, and the
 * history to append. Pure: no I/O, no clock but `ctx.now`, the input state is not modified.
 * An event that does not apply throws `EventRejected`; a failure inside the process returns the
 * instance as it was before the event, with status `failed` and the error (so it can be retried).
 *
 * @example
 * let { state, effects } = step(compiled, emptyState(), { type: 'start', params: { days: 5 } }, { now: Date.now() });
 */
export function step(
  compiled: CompiledDefinition,
  state: InstanceState,
  event: EngineEvent,
  ctx: StepContext,
): StepResult {
  // A failed instance can still be terminated (an administrator gives up on it), even one that failed at
  // start, and its open tasks can change hands (their holder went on leave while it waits for a retry).
  const failedButAllowed =
    (event.type === 'terminate' || event.type === 'taskReassigned') && state.status === 'failed';
  if (state.status !== 'running' && !failedButAllowed)
    throw new EventRejected('NOT_RUNNING', `the instance is ${state.status}`);
  if (event.type === 'start' && state.seq !== 0)
    throw new EventRejected('ALREADY_STARTED', 'the instance has already started');
  if (event.type !== 'start' && state.seq === 0 && !failedButAllowed)
    throw new EventRejected('NOT_STARTED', 'the instance has not started');
  const exec = new Execution(compiled, state, ctx);
  try {
    (HANDLERS[event.type] as (exec: Execution, event: EngineEvent) => void)(exec, event);
    run(exec);
  } catch (error) {
    if (error instanceof EventRejected) throw error;
    return failed(compiled, state, event, error, ctx.now);
  }
  return { state: exec.result(), effects: exec.effects, history: exec.history };
}

function failed(
  compiled: CompiledDefinition,
  state: InstanceState,
  event: EngineEvent,
  error: unknown,
  at: number,
): StepResult {
  const e =
    error instanceof ProcessFailure
      ? { code: error.code, message: error.message, ...(error.nodeId ? { nodeId: error.nodeId } : {}) }
      : { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
  const { key, version } = compiled.definition;
  const history: HistoryEvent[] =
    event.type === 'start' ? [{ type: 'instance.started', at, data: { definition: key, version } }] : [];
  history.push({
    type: 'instance.failed',
    at,
    ...(e.nodeId ? { nodeId: e.nodeId } : {}),
    data: { error: e },
  });
  return { state: { ...state, status: 'failed', error: e }, effects: [], history };
}

import type {
  ActivityContext,
  ActivityOutcome,
  ActivityPlugin,
  OutboxEffect,
  Resumption,
  TaskSpec,
} from '../../activities/plugin.ts';
import type { CompiledNode } from '../../compile/compiled.ts';
import { type Assignment, literalDirectory } from '../directory.ts';
import type { Effect } from '../effects.ts';
import type { Execution } from '../execution.ts';
import { throwError } from '../lifecycle.ts';
import type { Token } from '../state.ts';
import type { NodeBehaviour } from './behaviour.ts';
import { addIso, scheduleTimer, subscribe } from './time.ts';

/** Binds an activity to one token: everything it does is recorded against that activation. */
class BoundActivity implements ActivityContext<unknown> {
  thrown = false;
  readonly now: number;

  constructor(
    private readonly exec: Execution,
    private readonly tokenId: string,
    readonly node: CompiledNode,
    readonly config: unknown,
  ) {
    this.now = exec.now;
  }

  private get nodeId(): string {
    return this.node.node.id;
  }

  private get scopeId(): string {
    return this.exec.token(this.tokenId).scopeId;
  }

  evaluate(source: string): unknown {
    return this.exec.evaluate(source, this.scopeId, this.nodeId);
  }

  render(template: string): string {
    return String(this.exec.evaluate(template, this.scopeId, this.nodeId, 'template'));
  }

  setVariables(values: Record<string, unknown>): void {
    this.exec.setVariables(values, this.nodeId);
  }

  setDocumentFields(values: Record<string, unknown>): void {
    this.exec.setDocumentFields(values);
  }

  variable(name: string): unknown {
    return this.exec.valuesFor(this.scopeId)[name];
  }

  documentField(name: string): unknown {
    return this.exec.state.document?.[name];
  }

  effect(effect: OutboxEffect): string {
    const key = this.exec.nextId('e');
    this.exec.emit({ ...effect, key, nodeId: this.nodeId } as Effect);
    return key;
  }

  createTask(spec: TaskSpec): string {
    const { exec, nodeId, tokenId } = this;
    const taskId = exec.nextId('t');
    exec.addWait({ kind: 'task', id: taskId, tokenId, nodeId });
    const role = this.node.node.role;
    exec.emit({ type: 'createTask', taskId, nodeId, ...spec, ...(role ? { role } : {}) });
    exec.record('task.created', {
      nodeId,
      tokenId,
      taskId,
      data: {
        kind: spec.kind,
        assignees: spec.assignees,
        ...(spec.redirects.length > 0 ? { redirects: spec.redirects } : {}),
      },
    });
    return taskId;
  }

  expandAssignees(refs: readonly string[]): Assignment[] {
    return (this.exec.ctx.directory ?? literalDirectory).expand(refs, this.now);
  }

  cancelTasks(taskIds: readonly string[], reason: string): void {
    this.exec.cancelWaits(taskIds, reason);
  }

  scheduleTimer(dueAt: number): string {
    return scheduleTimer(this.exec, this.tokenId, this.nodeId, { dueAt, repeat: null }, { kind: 'own' });
  }

  cancelTimer(timerId: string): void {
    this.exec.cancelWait(timerId, 'no longer needed');
  }

  subscribe(message: string, correlationKey: string | null): string {
    return subscribe(this.exec, this.tokenId, this.nodeId, message, correlationKey, { kind: 'own' });
  }

  addDuration(from: number, iso: string, workingTime: boolean): number {
    return addIso(this.exec, from, iso, workingTime, this.nodeId);
  }

  data<T>(): T | undefined {
    return this.exec.token(this.tokenId).data as T | undefined;
  }

  setData(data: unknown): void {
    this.exec.updateToken(this.tokenId, { data });
  }

  throwError(code: string, message: string): void {
    this.thrown = true;
    throwError(this.exec, this.exec.token(this.tokenId), code, message, true);
  }
}

function settle(exec: Execution, token: Token, result: ActivityOutcome, bound: BoundActivity): void {
  if (!bound.thrown && result === 'complete') exec.queueComplete(token.id);
}

/** Runs an activity plugin; also used for a state's entry actions (which must complete at once). */
export function runImmediate(
  exec: Execution,
  token: Token,
  node: CompiledNode,
  plugin: ActivityPlugin<unknown>,
  config: unknown,
): boolean {
  const bound = new BoundActivity(exec, token.id, node, config);
  plugin.start(bound);
  return !bound.thrown;
}

/** Hosts activity plugins (user task, e-mail, …) as node behaviour. */
export const activity: NodeBehaviour = {
  enter(exec, token, node) {
    const bound = new BoundActivity(exec, token.id, node, node.config);
    settle(exec, token, (node.plugin as ActivityPlugin<unknown>).start(bound), bound);
  },
  resume(exec, token, node, why: Resumption) {
    const bound = new BoundActivity(exec, token.id, node, node.config);
    const plugin = node.plugin as ActivityPlugin<unknown>;
    settle(exec, token, plugin.resume ? plugin.resume(bound, why) : 'complete', bound);
  },
  reassign(exec, token, node, taskId, assignees) {
    const plugin = node.plugin as ActivityPlugin<unknown>;
    return plugin.reassigned?.(new BoundActivity(exec, token.id, node, node.config), taskId, assignees) ?? [];
  },
};

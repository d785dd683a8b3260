import type { Resumption } from '../../activities/plugin.ts';
import type { CompiledNode } from '../../compile/compiled.ts';
import type { Execution } from '../execution.ts';
import type { Token } from '../state.ts';

/** How one kind of node behaves. The lifecycle (lifecycle.ts) does the rest. */
export interface NodeBehaviour {
  /** A token arrived. Complete it now (`exec.queueComplete`), make it wait, or move it on. */
  enter(exec: Execution, token: Token, node: CompiledNode): void;
  /** A task, timer or message of the token's own resolved. */
  resume?(exec: Execution, token: Token, node: CompiledNode, why: Resumption): void;
  /** A task of the token's own now goes to `assignees`; returns who held it before, as far as the node knows. */
  reassign?(exec: Execution, token: Token, node: CompiledNode, taskId: string, assignees: string[]): string[];
}

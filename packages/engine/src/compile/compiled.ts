import type { ActivityPlugin } from '../activities/plugin.ts';
import type { CompiledExpression, ExpressionMode } from '../expressions/types.ts';
import type { Definition } from '../model/definition.ts';
import type { Flow } from '../model/flow.ts';
import type { BuiltinKind } from '../model/kinds.ts';
import type { ProcessNode } from '../model/node.ts';
import type { Problem } from './problem.ts';
import type { NodeSet } from './upstream.ts';

/** A node with everything the interpreter needs precomputed, so a step costs what it does. */
export interface CompiledNode {
  readonly node: ProcessNode;
  /** The built-in kind, or 'activity' with `plugin` set. */
  readonly kind: BuiltinKind | 'activity';
  readonly plugin: ActivityPlugin<unknown> | null;
  /** The config parsed by its schema (defaults applied). */
  readonly config: unknown;
  readonly incoming: Flow[];
  /** In definition order: exclusive gateways test conditions in this order. */
  readonly outgoing: Flow[];
  readonly defaultFlow: Flow | null;
  readonly boundaries: CompiledNode[];
  /** For inclusive joins (two or more incoming flows): every node from which a token can still arrive here. */
  readonly upstream: NodeSet;
}

/** A validated definition, ready to run. Immutable; share it between instances. */
export interface CompiledDefinition {
  readonly definition: Definition;
  readonly nodes: ReadonlyMap<string, CompiledNode>;
  /** Start nodes by scope: '' for the process, a sub-process id for its children. */
  readonly starts: ReadonlyMap<string, CompiledNode[]>;
  readonly warnings: Problem[];
  /** The compiled expression for a source that `compile` checked. */
  expression(source: string, mode: ExpressionMode): CompiledExpression;
}

export type CompileOutcome =
  | { ok: true; compiled: CompiledDefinition; warnings: Problem[] }
  | { ok: false; problems: Problem[] };

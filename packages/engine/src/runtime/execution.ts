import type { CompiledDefinition, CompiledNode } from '../compile/compiled.ts';
import type { ExpressionMode } from '../expressions/types.ts';
import { DEFAULT_MAX_NODE_EXECUTIONS, type StepContext } from './context.ts';
import type { Effect } from './effects.ts';
import { baseValues } from './empty-values.ts';
import { ProcessFailure } from './errors.ts';
import type { HistoryEvent, HistoryType } from './history.ts';
import { ListDraft } from './list-draft.ts';
import type { InstanceState, Join, Scope, Token, Wait } from './state.ts';

type Agenda = { op: 'enter' | 'complete'; tokenId: string };

/** How many nodes a LOOP_LIMIT failure names; the message is stored with the instance and shown on its card. */
const LOOP_NODES_NAMED = 20;

/**
 * The working copy of one step. The input state is never written: records change through drafts and token,
 * scope and wait objects are replaced, never mutated, so the caller's state stays intact.
 */
export class Execution {
  /** Status, variables, document and counters; the records (tokens, scopes, waits, joins) live in drafts. */
  readonly state: InstanceState;
  readonly tokens: ListDraft<Token>;
  readonly scopes: ListDraft<Scope>;
  readonly waits: ListDraft<Wait>;
  readonly joins: ListDraft<Join>;
  readonly effects: Effect[] = [];
  readonly history: HistoryEvent[] = [];
  private readonly agenda: Agenda[] = [];
  private readonly completing = new Set<string>();
  private executed = 0;
  private readonly visits = new Map<string, number>();
  private readonly limit: number;
  private values: Record<string, unknown> | null = null;
  private variablesOwned = false;
  private documentOwned = false;
  /** Wait lists this step built, appended to in place; the input state's lists are never changed. */
  private ownWaitLists: Set<string[]> | null = null;

  constructor(
    readonly compiled: CompiledDefinition,
    input: InstanceState,
    readonly ctx: StepContext,
  ) {
    this.state = { ...input };
    this.tokens = new ListDraft(input.tokens);
    this.scopes = new ListDraft(input.scopes);
    this.waits = new ListDraft(input.waits);
    this.joins = new ListDraft(input.joins);
    this.limit = ctx.maxNodeExecutions ?? DEFAULT_MAX_NODE_EXECUTIONS;
  }

  /** The instance state after this step. */
  result(): InstanceState {
    const { tokens, scopes, waits, joins } = this;
    return {
      ...this.state,
      tokens: tokens.result(),
      scopes: scopes.result(),
      waits: waits.result(),
      joins: joins.result(),
    };
  }

  get now(): number {
    return this.ctx.now;
  }

  nextId(prefix: string): string {
    this.state.seq++;
    return `${prefix}${this.state.seq}`;
  }

  node(id: string): CompiledNode {
    const node = this.compiled.nodes.get(id);
    if (!node)
      throw new ProcessFailure(
        'UNKNOWN_NODE',
        `node "${id}" is not in definition ${this.compiled.definition.key}`,
      );
    return node;
  }

  record(type: HistoryType, fields: Omit<HistoryEvent, 'type' | 'at'> = {}): void {
    this.history.push({ type, at: this.ctx.now, ...fields });
  }

  emit(effect: Effect): void {
    this.effects.push(effect);
  }

  // ── tokens and scopes ───────────────────────────────────────────────────────

  token(id: string): Token {
    const token = this.tokens.get(id);
    if (!token) throw new ProcessFailure('INTERNAL', `token ${id} is gone`);
    return token;
  }

  scope(id: string): Scope {
    const scope = this.scopes.get(id);
    if (!scope) throw new ProcessFailure('INTERNAL', `scope ${id} is gone`);
    return scope;
  }

  updateToken(id: string, patch: Partial<Token>): Token {
    const next = { ...this.token(id), ...patch };
    this.tokens.set(next);
    return next;
  }

  updateScope(id: string, patch: Partial<Scope>): Scope {
    const next = { ...this.scope(id), ...patch };
    this.scopes.set(next);
    return next;
  }

  /** A new activation of `nodeId`, queued to be entered. */
  spawn(nodeId: string, scopeId: string, via: string | null, inner = false): Token {
    const token = this.newToken(nodeId, scopeId, via, inner);
    this.agenda.push({ op: 'enter', tokenId: token.id });
    return token;
  }

  /** A new token placed at a node without entering it (the caller completes it). */
  place(nodeId: string, scopeId: string, via: string | null): Token {
    const token = this.newToken(nodeId, scopeId, via, false);
    this.record('node.entered', { nodeId, tokenId: token.id });
    return token;
  }

  private newToken(nodeId: string, scopeId: string, via: string | null, inner: boolean): Token {
    const id = this.nextId('k');
    const token: Token = {
      id,
      nodeId,
      scopeId,
      phase: 'waiting',
      via,
      waits: [],
      childScopeId: null,
      inner,
      data: null,
    };
    this.tokens.set(token);
    this.updateScope(scopeId, { tokens: this.scope(scopeId).tokens + 1 });
    return token;
  }

  openScope(
    kind: Scope['kind'],
    ownerTokenId: string | null,
    parentScopeId: string | null,
    locals: Record<string, unknown> = {},
  ): Scope {
    const scope: Scope = {
      id: this.nextId('s'),
      kind,
      ownerTokenId,
      parentScopeId,
      tokens: 0,
      locals,
      multiInstance: null,
    };
    this.scopes.set(scope);
    return scope;
  }

  closeScope(id: string): void {
    this.scopes.delete(id);
  }

  /** Tokens waiting at a join (`scopeId/nodeId`); an empty list removes the entry. */
  setJoin(key: string, tokenIds: string[]): void {
    if (tokenIds.length > 0) this.joins.set({ id: key, tokenIds });
    else this.joins.delete(key);
  }

  /** Removes a token that finished; returns true when its scope has no live tokens left. */
  drop(token: Token): boolean {
    this.tokens.delete(token.id);
    const scope = this.scope(token.scopeId);
    this.updateScope(scope.id, { tokens: scope.tokens - 1 });
    return scope.tokens - 1 === 0;
  }

  queueComplete(tokenId: string): void {
    this.completing.add(tokenId);
    this.agenda.push({ op: 'complete', tokenId });
  }

  /** True while a token's completion is queued (its boundary events need no arming). */
  isCompleting(tokenId: string): boolean {
    return this.completing.has(tokenId);
  }

  /** Runs queued work until every token waits; `handle` performs one entry or completion. */
  drain(handle: (op: Agenda['op'], token: Token) => void, afterQuiet: () => boolean): void {
    for (;;) {
      for (let item = this.agenda.shift(); item; item = this.agenda.shift()) {
        const token = this.tokens.get(item.tokenId);
        if (!token || this.state.status !== 'running') continue;
        if (item.op === 'enter') this.countExecution(token.nodeId);
        else this.completing.delete(token.id);
        handle(item.op, token);
      }
      if (this.state.status !== 'running' || !afterQuiet()) return;
    }
  }

  private countExecution(nodeId: string): void {
    this.visits.set(nodeId, (this.visits.get(nodeId) ?? 0) + 1);
    if (++this.executed <= this.limit) return;
    const max = Math.max(...this.visits.values());
    const loop = [...this.visits].filter(([, n]) => n * 2 >= max).map(([id]) => id);
    // A long enough chain without a wait runs every node once: name its start, not all of it.
    const shown = loop.length > LOOP_NODES_NAMED ? [...loop.slice(0, LOOP_NODES_NAMED), '…'] : loop;
    const more = loop.length > LOOP_NODES_NAMED ? ` and ${loop.length - LOOP_NODES_NAMED} more nodes` : '';
    throw new ProcessFailure(
      'LOOP_LIMIT',
      `more than ${this.limit} nodes ran in one step without reaching a wait state; the loop goes through ${shown.join(' → ')}${more}`,
      loop[0],
    );
  }

  // ── waits ──────────────────────────────────────────────────────────────────

  addWait(wait: Wait): void {
    this.waits.set(wait);
    const token = this.token(wait.tokenId);
    // A task to each of 20,000 people is 20,000 waits on one token: copying its list for each was quadratic.
    if (this.ownWaitLists?.has(token.waits)) {
      token.waits.push(wait.id);
      return;
    }
    const waits = [...token.waits, wait.id];
    this.ownWaitLists ??= new Set();
    this.ownWaitLists.add(waits);
    this.updateToken(token.id, { waits });
  }

  /** Forgets a wait that resolved (the task was completed, the timer fired). */
  resolveWait(wait: Wait): void {
    this.waits.delete(wait.id);
    const token = this.tokens.get(wait.tokenId);
    if (token) this.updateToken(token.id, { waits: token.waits.filter((id) => id !== wait.id) });
  }

  /** Withdraws a wait that will not resolve: the runtime cancels the task, timer or subscription. */
  cancelWait(id: string, reason: string): void {
    const wait = this.waits.get(id);
    if (!wait) return;
    this.resolveWait(wait);
    this.withdrawn(wait, reason);
  }

  /**
   * Withdraws waits that will not resolve, in order, taking them off each token's list in one pass:
   * one at a time, cancelling 30,000 tasks rebuilt a 30,000-long list 30,000 times.
   */
  cancelWaits(ids: readonly string[], reason: string): void {
    if (ids.length === 0) return;
    const gone = new Map<string, Wait>();
    for (const id of ids) {
      const wait = this.waits.get(id);
      if (wait) gone.set(id, wait);
    }
    if (gone.size === 0) return;
    const holders = new Set<string>();
    for (const wait of gone.values()) {
      this.waits.delete(wait.id);
      holders.add(wait.tokenId);
    }
    for (const tokenId of holders) {
      const token = this.tokens.get(tokenId);
      if (token) this.updateToken(tokenId, { waits: token.waits.filter((id) => !gone.has(id)) });
    }
    for (const wait of gone.values()) this.withdrawn(wait, reason);
  }

  /** Tells the runtime to cancel what a withdrawn wait stood for. */
  private withdrawn(wait: Wait, reason: string): void {
    const id = wait.id;
    if (wait.kind === 'task') {
      this.emit({ type: 'cancelTask', taskId: id, nodeId: wait.nodeId, reason });
      this.record('task.cancelled', {
        nodeId: wait.nodeId,
        taskId: id,
        tokenId: wait.tokenId,
        data: { reason },
      });
    } else if (wait.kind === 'timer') {
      this.emit({ type: 'cancelTimer', timerId: id, nodeId: wait.nodeId });
    } else {
      this.emit({ type: 'unsubscribeMessage', waitId: id, nodeId: wait.nodeId });
    }
  }

  // ── data ───────────────────────────────────────────────────────────────────

  setVariables(values: Record<string, unknown>, nodeId?: string): void {
    const names = Object.keys(values);
    if (names.length === 0) return;
    if (!this.variablesOwned) {
      this.state.variables = { ...this.state.variables };
      this.variablesOwned = true;
    }
    Object.assign(this.state.variables, values);
    this.values = null;
    this.record('variables.changed', { ...(nodeId ? { nodeId } : {}), data: { names } });
  }

  setDocumentFields(values: Record<string, unknown>): void {
    if (!this.documentOwned) {
      this.state.document = { ...(this.state.document ?? {}) };
      this.documentOwned = true;
    }
    Object.assign(this.state.document as Record<string, unknown>, values);
    this.values = null;
  }

  /** The names an expression sees from a scope: constants, variables, document, then scope locals (inner wins). */
  valuesFor(scopeId: string): Record<string, unknown> {
    this.values ??= this.rootValues();
    const chain: Record<string, unknown>[] = [];
    for (
      let s = this.scopes.get(scopeId);
      s;
      s = s.parentScopeId ? this.scopes.get(s.parentScopeId) : undefined
    ) {
      const mi = s.multiInstance;
      if (mi)
        chain.push({
          ...s.locals,
          nrOfInstances: mi.total,
          nrOfCompletedInstances: mi.completed,
          nrOfActiveInstances: mi.active,
        });
      else if (Object.keys(s.locals).length > 0) chain.push(s.locals);
    }
    if (chain.length === 0) return this.values;
    const merged = { ...this.values };
    for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]);
    return merged;
  }

  private rootValues(): Record<string, unknown> {
    const values = { ...baseValues(this.compiled), ...this.state.variables };
    values.document = this.state.document ?? {};
    values.starter = this.state.starter ?? '';
    return values;
  }

  evaluate(
    source: string,
    scopeId: string,
    nodeId: string,
    mode: ExpressionMode = 'expression',
    extra?: Record<string, unknown>,
  ): unknown {
    const values = extra ? { ...this.valuesFor(scopeId), ...extra } : this.valuesFor(scopeId);
    try {
      return this.compiled.expression(source, mode).evaluate({
        values,
        now: this.ctx.now,
        ...(this.ctx.calendar ? { calendar: this.ctx.calendar } : {}),
      });
    } catch (error) {
      if (error instanceof ProcessFailure) throw error;
      throw new ProcessFailure(
        'EXPRESSION_FAILED',
        `${(error as Error).message} (in ${JSON.stringify(source)})`,
        nodeId,
      );
    }
  }
}

/** Bumped when the stored shape changes; the runtime migrates older states on purpose. */
export const STATE_SCHEMA_VERSION = 1;

export type InstanceStatus = 'running' | 'completed' | 'failed' | 'terminated';

/** A serialisable failure, kept in the state of a failed instance. */
export interface InstanceError {
  code: string;
  message: string;
  nodeId?: string;
}

/**
 * One activation of a node. `phase` says what it is doing: `waiting` on tasks/timers/messages,
 * `joining` at a gateway for its siblings, `inside` while its sub-process or multi-instance body runs.
 */
export interface Token {
  id: string;
  nodeId: string;
  scopeId: string;
  phase: 'waiting' | 'joining' | 'inside';
  /** The flow it arrived by (joins count arrivals per incoming flow). */
  via: string | null;
  /** Waits this token owns: its tasks, timers and message subscriptions, boundary ones included. */
  waits: string[];
  /** The scope it runs (sub-process or multi-instance) while `inside`. */
  childScopeId: string | null;
  /** True for one execution of a multi-instance body (it runs the node without looping again). */
  inner: boolean;
  /** Activity-private data (votes, sequential progress); JSON only. */
  data: unknown;
}

export interface MultiInstanceProgress {
  total: number;
  completed: number;
  active: number;
  /** Next loopCounter to start (sequential) / number started. */
  started: number;
  items: unknown[] | null;
}

/** A region tokens run in: the process, a sub-process activation, or one multi-instance execution. */
export interface Scope {
  id: string;
  kind: 'root' | 'subProcess' | 'multiInstance' | 'instance';
  /** The token in the enclosing scope that this scope belongs to (null for root). */
  ownerTokenId: string | null;
  parentScopeId: string | null;
  /** Live tokens in this scope, to know when it is finished. */
  tokens: number;
  /** Names visible only inside: loopCounter, the element variable, nrOf… for multi-instance. */
  locals: Record<string, unknown>;
  multiInstance: MultiInstanceProgress | null;
}

export type Wait =
  | { kind: 'task'; id: string; tokenId: string; nodeId: string }
  | {
      kind: 'timer';
      id: string;
      tokenId: string;
      nodeId: string;
      dueAt: number;
      /** What the timer belongs to: the token's own node, a boundary event, an event-gateway branch, a state transition. */
      via: WaitVia;
      /** Repetitions left for a cycle timer (null = forever), and its period. */
      repeat: { left: number | null; everyMs: number } | null;
    }
  | {
      kind: 'message';
      id: string;
      tokenId: string;
      nodeId: string;
      message: string;
      correlationKey: string | null;
      via: WaitVia;
    };

export type WaitVia =
  | { kind: 'own' }
  | { kind: 'boundary'; boundaryId: string }
  | { kind: 'branch'; targetId: string }
  | { kind: 'transition'; flowId: string };

/** Tokens waiting at a join gateway; `id` is `scopeId/nodeId`. */
export interface Join {
  id: string;
  tokenIds: string[];
}

/** Everything about one running instance that must be stored between steps. Plain JSON. */
export interface InstanceState {
  schemaVersion: typeof STATE_SCHEMA_VERSION;
  status: InstanceStatus;
  variables: Record<string, unknown>;
  document: Record<string, unknown> | null;
  starter: string | null;
  /** Counter for ids of tokens, scopes, tasks, timers and effect keys: deterministic across replays. */
  seq: number;
  /** Live tokens, scopes, waits and joins: lists of items with ids (see list-draft.ts for why lists). */
  tokens: Token[];
  scopes: Scope[];
  waits: Wait[];
  joins: Join[];
  error: InstanceError | null;
}

/** The state before `start`. */
export function emptyState(): InstanceState {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    status: 'running',
    variables: {},
    document: null,
    starter: null,
    seq: 0,
    tokens: [],
    scopes: [],
    waits: [],
    joins: [],
    error: null,
  };
}

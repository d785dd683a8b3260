/** Kinds of history events; the process card, audit log and reports are built from them. */
export const HISTORY_TYPES = [
  'instance.started',
  'instance.completed',
  'instance.failed',
  'instance.terminated',
  'node.entered',
  'node.completed',
  'node.cancelled',
  'gateway.decided',
  'task.created',
  'task.completed',
  'task.delegated',
  'task.reassigned',
  'task.cancelled',
  'timer.scheduled',
  'timer.fired',
  'message.received',
  'command.invoked',
  'variables.changed',
  'error.thrown',
] as const;
export type HistoryType = (typeof HISTORY_TYPES)[number];

/** One append-only history entry. `at` is epoch milliseconds from the step context's clock. */
export interface HistoryEvent {
  type: HistoryType;
  at: number;
  nodeId?: string;
  /** The activation (token) the event belongs to: a node completes at most once per activation. */
  tokenId?: string;
  taskId?: string;
  timerId?: string;
  actor?: string;
  /** Event-specific details: chosen flows, changed variable names, error, outcome, reason. */
  data?: Record<string, unknown>;
}

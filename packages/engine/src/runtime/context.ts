import type { WorkCalendar } from '../expressions/types.ts';
import type { Directory } from './directory.ts';
import type { Effect } from './effects.ts';
import type { HistoryEvent } from './history.ts';
import type { InstanceState } from './state.ts';

/** Everything nondeterministic a step may use, injected by the caller. */
export interface StepContext {
  /** The current time, epoch milliseconds. The engine never reads a clock. */
  now: number;
  /** Working-time calendar for working-time durations and `workDateAdd`. */
  calendar?: WorkCalendar;
  /** The organisation: expands assignee references (roles, heads, groups) and applies absences. */
  directory?: Directory;
  /** Node executions allowed in one step before the instance fails as a runaway loop (default 10,000). */
  maxNodeExecutions?: number;
}

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
  history: HistoryEvent[];
}

export const DEFAULT_MAX_NODE_EXECUTIONS = 10_000;

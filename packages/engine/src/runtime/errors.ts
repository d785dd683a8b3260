/** Codes of events `step` refuses; the state is untouched and the caller gets the reason. */
export type RejectionCode =
  | 'NOT_RUNNING'
  | 'ALREADY_STARTED'
  | 'NOT_STARTED'
  | 'TASK_NOT_OPEN'
  | 'NO_ASSIGNEES'
  | 'TIMER_NOT_PENDING'
  | 'MESSAGE_NOT_CORRELATED'
  | 'COMMAND_NOT_AVAILABLE'
  | 'COMMAND_NOT_ALLOWED'
  | 'INVALID_PARAMS'
  | 'COMMENT_REQUIRED';

/** An event that cannot apply to this instance (a task already completed, a timer already fired). */
export class EventRejected extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
    /** For invalid values: each offending field with its path. */
    readonly problems: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'EventRejected';
  }
}

/** A failure inside the process (bad data, no flow to take, runaway loop): the instance fails with it. */
export class ProcessFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly nodeId?: string,
  ) {
    super(message);
    this.name = 'ProcessFailure';
  }
}

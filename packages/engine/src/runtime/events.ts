/** Who caused an event: a user id and the roles the organisation gives them. */
export interface Actor {
  id: string;
  roles?: string[];
}

/** Inputs to `step`. Each is addressed to a running instance (or starts one). */
export type EngineEvent =
  | {
      type: 'start';
      params?: Record<string, unknown>;
      document?: Record<string, unknown> | null;
      starter?: string | null;
    }
  | {
      type: 'taskCompleted';
      taskId: string;
      outcome?: string;
      variables?: Record<string, unknown>;
      actor?: Actor;
    }
  | {
      /**
       * An open task changed hands: `delegated` by a person, or `redirected` because its holder is away
       * or gone (`meantFor` whom, `reason` why). Reminders and escalation then address the new holders.
       */
      type: 'taskReassigned';
      taskId: string;
      assignees: string[];
      cause: 'delegated' | 'redirected';
      meantFor?: string;
      reason?: string;
      actor?: Actor;
    }
  | { type: 'timerFired'; timerId: string }
  | { type: 'message'; name: string; correlationKey?: string | null; payload?: Record<string, unknown> }
  | { type: 'command'; command: string; actor?: Actor; payload?: Record<string, unknown> }
  | { type: 'terminate'; reason?: string; actor?: Actor };

export type EngineEventType = EngineEvent['type'];

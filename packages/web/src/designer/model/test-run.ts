import {
  type CompiledDefinition,
  createWorkCalendar,
  type Directory,
  type Effect,
  type EngineEvent,
  EventRejected,
  emptyState,
  type HistoryEvent,
  type InstanceState,
  step,
  type WorkCalendar,
} from '@baton/engine';

/**
 * A test run in the browser with the real engine: `step` on an in-memory instance, driven by the
 * person at the designer (complete a task with an outcome, skip a timer, send a message). Nothing is
 * saved. The clock is virtual: it starts at `start` and jumps to a timer when it is skipped.
 */
export interface RunSession {
  readonly compiled: CompiledDefinition;
  /** Working time for deadlines and `workDateAdd`: the company's calendar where the designer has it. */
  readonly calendar: WorkCalendar;
  /** Who gets each task: the company's organisation where the designer has it, else references as written. */
  readonly directory?: Directory;
  readonly state: InstanceState;
  readonly now: number;
  readonly history: readonly HistoryEvent[];
  /** Open tasks, as the runtime would create them. */
  readonly tasks: readonly Extract<Effect, { type: 'createTask' }>[];
  readonly timers: readonly Extract<Effect, { type: 'scheduleTimer' }>[];
  readonly messages: readonly Extract<Effect, { type: 'subscribeMessage' }>[];
  /** What the process would have sent or done outside (e-mails, notifications, webhooks, …). */
  readonly outbox: readonly Effect[];
  /** The last event the engine refused (a wrong outcome, a message no one waits for), if any. */
  readonly rejected: string | null;
}

const DEFAULT_CALENDAR = createWorkCalendar();
const OWN: ReadonlySet<Effect['type']> = new Set([
  'createTask',
  'cancelTask',
  'scheduleTimer',
  'cancelTimer',
  'subscribeMessage',
  'unsubscribeMessage',
]);

function apply(session: RunSession, event: EngineEvent, now = session.now): RunSession {
  let result: ReturnType<typeof step>;
  try {
    const { calendar, directory } = session;
    result = step(session.compiled, session.state, event, { now, calendar, directory });
  } catch (error) {
    if (error instanceof EventRejected) return { ...session, rejected: error.message };
    throw error;
  }
  let tasks = [...session.tasks];
  let timers = [...session.timers];
  let messages = [...session.messages];
  const outbox = [...session.outbox];
  for (const e of result.effects) {
    if (e.type === 'createTask') tasks.push(e);
    else if (e.type === 'cancelTask') tasks = tasks.filter((t) => t.taskId !== e.taskId);
    else if (e.type === 'scheduleTimer') timers.push(e);
    else if (e.type === 'cancelTimer') timers = timers.filter((t) => t.timerId !== e.timerId);
    else if (e.type === 'subscribeMessage') messages.push(e);
    else if (e.type === 'unsubscribeMessage') messages = messages.filter((m) => m.waitId !== e.waitId);
    if (!OWN.has(e.type)) outbox.push(e);
  }
  if (event.type === 'taskCompleted') tasks = tasks.filter((t) => t.taskId !== event.taskId);
  if (event.type === 'timerFired') timers = timers.filter((t) => t.timerId !== event.timerId);
  if (result.state.status !== 'running') {
    tasks = [];
    timers = [];
    messages = [];
  }
  return {
    ...session,
    state: result.state,
    now,
    history: [...session.history, ...result.history],
    tasks,
    timers,
    messages,
    outbox,
    rejected: null,
  };
}

/**
 * Where a run starts unless told otherwise (tests): Monday 2026-01-05 09:00 UTC, the engine simulator's
 * start, inside working hours. The designer starts its runs now, when absences are as the server sees them.
 */
export const RUN_START = Date.UTC(2026, 0, 5, 9);

export function startRun(
  compiled: CompiledDefinition,
  input: { params?: Record<string, unknown>; document?: Record<string, unknown> | null; starter?: string },
  {
    now = RUN_START,
    calendar = DEFAULT_CALENDAR,
    directory,
  }: { now?: number; calendar?: WorkCalendar; directory?: Directory } = {},
): RunSession {
  const empty: RunSession = {
    compiled,
    calendar,
    directory,
    state: emptyState(),
    now,
    history: [],
    tasks: [],
    timers: [],
    messages: [],
    outbox: [],
    rejected: null,
  };
  return apply(empty, {
    type: 'start',
    params: input.params ?? {},
    document: input.document ?? null,
    starter: input.starter ?? 'tester',
  });
}

export function completeTask(
  session: RunSession,
  taskId: string,
  outcome: string | undefined,
  variables: Record<string, unknown> = {},
): RunSession {
  return apply(session, {
    type: 'taskCompleted',
    taskId,
    variables,
    ...(outcome ? { outcome } : {}),
    actor: { id: 'tester' },
  });
}

/** Skips to the timer's due time and fires it. */
export function fireTimer(session: RunSession, timerId: string): RunSession {
  const timer = session.timers.find((t) => t.timerId === timerId);
  return apply(session, { type: 'timerFired', timerId }, Math.max(session.now, timer?.dueAt ?? session.now));
}

export function sendMessage(
  session: RunSession,
  name: string,
  correlationKey: string | null,
  payload: Record<string, unknown> = {},
): RunSession {
  return apply(session, { type: 'message', name, correlationKey, payload });
}

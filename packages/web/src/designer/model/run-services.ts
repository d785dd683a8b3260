import { type Effect, SERVICE_COMPLETED_MESSAGE, type ServiceResult } from '@baton/engine';
import { type RunSession, sendMessage } from './test-run.ts';

/** A plugin activity's call of its service: what the worker would run with the plugin's code. */
export type ServiceCall = Extract<Effect, { type: 'runService' }>;

const awaited = (session: RunSession) =>
  new Set(
    session.messages.filter((m) => m.message === SERVICE_COMPLETED_MESSAGE).map((m) => m.correlationKey),
  );

/**
 * The service calls the run waits on. No plugin code runs in a test run: the tester answers in its place,
 * and until then the activity waits for the answer message keyed by its call's effect key.
 */
export function waitingServices(session: RunSession): ServiceCall[] {
  const keys = awaited(session);
  return session.outbox.filter((e): e is ServiceCall => e.type === 'runService' && keys.has(e.key));
}

/** Answers a call as the plugin's code would: with its outputs, or with a BPMN error. */
export function answerService(session: RunSession, call: ServiceCall, result: ServiceResult): RunSession {
  return sendMessage(session, SERVICE_COMPLETED_MESSAGE, call.key, result);
}

/** The message waits a tester sends by hand: a service's answer is given with its outputs instead. */
export const manualMessages = (session: RunSession) =>
  session.messages.filter((m) => m.message !== SERVICE_COMPLETED_MESSAGE);

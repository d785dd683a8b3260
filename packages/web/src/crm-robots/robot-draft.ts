import type { Robot, RobotAction, RobotBody } from '../api/crm-robots.ts';
import { type DelayUnit, delayFromIso, delayToIso } from './delay.ts';

export const ROBOT_ACTIONS: readonly RobotAction[] = ['notify', 'startProcess'];

/**
 * What the robot dialog edits. `when: 'kept'` is a stored delay the form cannot show as a number and a
 * unit (`P1M`, set through the API): saved back as it was unless the user picks another.
 */
export interface RobotDraft {
  name: string;
  stageId: string;
  when: 'now' | 'after' | 'kept';
  /** The NumberInput's value: a number, or '' while empty. */
  amount: number | string;
  unit: DelayUnit;
  kept: string | null;
  action: RobotAction;
  message: string;
  notifyHead: boolean;
  definitionKey: string | null;
  active: boolean;
}

export function newRobotDraft(stageId: string): RobotDraft {
  return {
    name: '',
    stageId,
    when: 'now',
    amount: 1,
    unit: 'days',
    kept: null,
    action: 'notify',
    message: '',
    notifyHead: false,
    definitionKey: null,
    active: true,
  };
}

export function draftOfRobot(robot: Robot): RobotDraft {
  const delay = delayFromIso(robot.delay);
  return {
    name: robot.name,
    stageId: robot.stageId,
    when: delay === null ? 'kept' : delay.kind,
    amount: delay?.kind === 'after' ? delay.amount : 1,
    unit: delay?.kind === 'after' ? delay.unit : 'days',
    kept: delay === null ? robot.delay : null,
    action: robot.action,
    message: robot.message ?? '',
    notifyHead: robot.notifyHead,
    definitionKey: robot.definitionKey,
    active: robot.active,
  };
}

/** The words of the "forgotten client" preset, in the interface language. */
export interface ForgottenClientWords {
  name: string;
  message: string;
}

/**
 * The "forgotten client" preset: a week after a deal reached the stage and is still there, its manager and
 * their head are reminded to call the client. The stage and the switch stay as they were.
 */
export function forgottenClient(draft: RobotDraft, words: ForgottenClientWords): RobotDraft {
  return {
    ...draft,
    name: words.name,
    when: 'after',
    amount: 7,
    unit: 'days',
    action: 'notify',
    message: words.message,
    notifyHead: true,
  };
}

/** What stops the draft from being sent, before the server is asked; null when nothing does. */
export type RobotDraftProblem = 'amount' | null;

export function draftProblem(draft: RobotDraft): RobotDraftProblem {
  if (draft.when !== 'after') return null;
  const amount = Number(draft.amount);
  return draft.amount === '' || !Number.isInteger(amount) || amount < 1 ? 'amount' : null;
}

/** The full body POST and PUT take; settings of the other action are sent empty. */
export function robotBody(draft: RobotDraft): RobotBody {
  const notify = draft.action === 'notify';
  return {
    stageId: draft.stageId,
    name: draft.name.trim(),
    action: draft.action,
    delay:
      draft.when === 'kept'
        ? draft.kept
        : draft.when === 'now'
          ? null
          : delayToIso({ kind: 'after', amount: Number(draft.amount), unit: draft.unit }),
    message: notify ? draft.message : null,
    notifyHead: notify && draft.notifyHead,
    definitionKey: notify ? null : draft.definitionKey,
    active: draft.active,
  };
}

/** A stored robot's full body with `active` changed: PUT replaces every setting. */
export function switchedRobot(robot: Robot, active: boolean): RobotBody {
  return {
    stageId: robot.stageId,
    name: robot.name,
    action: robot.action,
    delay: robot.delay,
    message: robot.message,
    notifyHead: robot.notifyHead,
    definitionKey: robot.definitionKey,
    active,
  };
}

import type { ActivityKind } from '../api/crm-activities.ts';
import type { Robot, RobotAction, RobotBody } from '../api/crm-robots.ts';
import { amountInvalid, type DurationDraft, durationDraftOf, durationOfDraft } from './duration-draft.ts';

export const ROBOT_ACTIONS: readonly RobotAction[] = ['notify', 'startProcess', 'activity', 'moveStage'];

/**
 * What the robot dialog edits: every action's settings, so switching the action back and forth loses
 * nothing; `robotBody` sends only the chosen one's.
 */
export interface RobotDraft {
  name: string;
  stageId: string;
  /** When it acts once a deal enters the stage. */
  delay: DurationDraft;
  /** The delay and an activity's deadline count working time (the company's calendar). */
  inWorkingTime: boolean;
  action: RobotAction;
  /** notify: the notice; activity: the title; a {{ }} template either way. */
  message: string;
  notifyHead: boolean;
  definitionKey: string | null;
  activityKind: ActivityKind;
  /** activity: how long after the robot acts it is due. */
  due: DurationDraft;
  /** moveStage: the stage the deal moves to. */
  targetStageId: string | null;
  active: boolean;
}

export function newRobotDraft(stageId: string): RobotDraft {
  return {
    name: '',
    stageId,
    delay: durationDraftOf(null),
    inWorkingTime: false,
    action: 'notify',
    message: '',
    notifyHead: false,
    definitionKey: null,
    activityKind: 'call',
    due: durationDraftOf('P1D'),
    targetStageId: null,
    active: true,
  };
}

export function draftOfRobot(robot: Robot): RobotDraft {
  const activity = robot.action === 'activity';
  return {
    name: robot.name,
    stageId: robot.stageId,
    delay: durationDraftOf(robot.delay),
    inWorkingTime: robot.inWorkingTime,
    action: robot.action,
    message: robot.message ?? '',
    notifyHead: robot.notifyHead,
    definitionKey: robot.definitionKey,
    activityKind: robot.activityKind ?? 'call',
    due: activity ? durationDraftOf(robot.activityDue) : durationDraftOf('P1D'),
    targetStageId: robot.targetStageId,
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
    delay: { ...draft.delay, when: 'after', amount: 7, unit: 'days' },
    action: 'notify',
    message: words.message,
    notifyHead: true,
  };
}

/** What stops the draft from being sent, before the server is asked: a duration's number; null when nothing does. */
export type RobotDraftProblem = 'delay' | 'due' | null;

export function draftProblem(draft: RobotDraft): RobotDraftProblem {
  if (amountInvalid(draft.delay)) return 'delay';
  return draft.action === 'activity' && amountInvalid(draft.due) ? 'due' : null;
}

/** The full body POST and PUT take; settings of the other actions are sent empty. */
export function robotBody(draft: RobotDraft): RobotBody {
  const { action } = draft;
  return {
    stageId: draft.stageId,
    name: draft.name.trim(),
    action,
    delay: durationOfDraft(draft.delay),
    inWorkingTime: draft.inWorkingTime,
    message: action === 'notify' || action === 'activity' ? draft.message : null,
    notifyHead: action === 'notify' && draft.notifyHead,
    definitionKey: action === 'startProcess' ? draft.definitionKey : null,
    activityKind: action === 'activity' ? draft.activityKind : null,
    activityDue: action === 'activity' ? durationOfDraft(draft.due) : null,
    targetStageId: action === 'moveStage' ? draft.targetStageId : null,
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
    inWorkingTime: robot.inWorkingTime,
    message: robot.message,
    notifyHead: robot.notifyHead,
    definitionKey: robot.definitionKey,
    activityKind: robot.activityKind,
    activityDue: robot.activityDue,
    targetStageId: robot.targetStageId,
    active,
  };
}

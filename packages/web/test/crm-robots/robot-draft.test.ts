import { describe, expect, it } from 'vitest';
import type { Robot } from '../../src/api/crm-robots.ts';
import type { DelayUnit } from '../../src/crm-robots/delay.ts';
import {
  draftOfRobot,
  draftProblem,
  forgottenClient,
  newRobotDraft,
  type RobotDraft,
  robotBody,
  switchedRobot,
} from '../../src/crm-robots/robot-draft.ts';

const WORDS = {
  name: 'Forgotten client',
  message: '{{ responsible.name }}, remind {{ deal.company }} about yourself.',
};

const robot = (over: Partial<Robot> = {}): Robot => ({
  id: 'r1',
  pipelineId: 'p1',
  stageId: 's3',
  name: 'Call back',
  action: 'notify',
  delay: 'P3D',
  inWorkingTime: false,
  message: 'Call {{ deal.contact }}',
  notifyHead: true,
  definitionKey: null,
  activityKind: null,
  activityDue: null,
  targetStageId: null,
  active: true,
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
  ...over,
});

/** The draft with its delay (or the activity's deadline, `due`) set to so many of a unit. */
const after = (
  draft: RobotDraft,
  amount: number | string,
  unit: DelayUnit = 'days',
  part: 'delay' | 'due' = 'delay',
): RobotDraft => ({ ...draft, [part]: { ...draft[part], when: 'after', amount, unit } });

describe('the forgotten-client preset', () => {
  it('notifies the manager and their head after 7 days, at the stage the dialog opened on', () => {
    const draft = forgottenClient(newRobotDraft('s3'), WORDS);
    expect(robotBody(draft)).toEqual({
      stageId: 's3',
      name: 'Forgotten client',
      action: 'notify',
      delay: 'P7D',
      inWorkingTime: false,
      message: WORDS.message,
      notifyHead: true,
      definitionKey: null,
      activityKind: null,
      activityDue: null,
      targetStageId: null,
      active: true,
    });
  });

  it('keeps the switch as the user set it', () => {
    const off = { ...newRobotDraft('s1'), active: false };
    expect(robotBody(forgottenClient(off, WORDS)).active).toBe(false);
  });
});

describe('a robot body', () => {
  it('is at once with no delay', () => {
    expect(robotBody({ ...newRobotDraft('s1'), name: ' Greet ', message: 'Hi' })).toMatchObject({
      name: 'Greet',
      delay: null,
    });
  });

  it('sends the settings of the other actions empty', () => {
    const draft = {
      ...draftOfRobot(robot()),
      action: 'startProcess' as const,
      definitionKey: 'confirm-deal',
    };
    expect(robotBody(draft)).toMatchObject({
      message: null,
      notifyHead: false,
      definitionKey: 'confirm-deal',
      activityKind: null,
      activityDue: null,
    });
    const back = { ...draft, action: 'notify' as const };
    expect(robotBody(back)).toMatchObject({
      message: 'Call {{ deal.contact }}',
      notifyHead: true,
      definitionKey: null,
    });
  });

  it('plans a call due a day after the robot acts, its title the message, by default', () => {
    const draft: RobotDraft = {
      ...newRobotDraft('s2'),
      name: 'Call',
      action: 'activity',
      message: 'Call {{ deal.contact }}',
    };
    expect(robotBody(draft)).toEqual({
      stageId: 's2',
      name: 'Call',
      action: 'activity',
      delay: null,
      inWorkingTime: false,
      message: 'Call {{ deal.contact }}',
      notifyHead: false,
      definitionKey: null,
      activityKind: 'call',
      activityDue: 'P1D',
      targetStageId: null,
      active: true,
    });
  });

  it('plans what was chosen, due when it was set: at once, or hours later', () => {
    const draft: RobotDraft = { ...newRobotDraft('s2'), action: 'activity', activityKind: 'meeting' };
    expect(robotBody({ ...draft, due: { ...draft.due, when: 'now' } })).toMatchObject({
      activityKind: 'meeting',
      activityDue: null,
    });
    expect(robotBody(after(draft, 2, 'hours', 'due')).activityDue).toBe('PT2H');
  });

  it('is the stored robot again when nothing was changed', () => {
    for (const stored of [
      robot({ delay: 'PT4H' }),
      robot({ action: 'activity', notifyHead: false, activityKind: 'email', activityDue: 'P2W' }),
      robot({ action: 'activity', notifyHead: false, activityKind: 'task', activityDue: 'P1M' }),
    ])
      expect(robotBody(draftOfRobot(stored))).toEqual(switchedRobot(stored, true));
  });

  it('counts working time when the robot does, and sends it as set', () => {
    const stored = robot({
      inWorkingTime: true,
      action: 'activity',
      activityKind: 'call',
      activityDue: 'P1D',
    });
    expect(draftOfRobot(stored).inWorkingTime).toBe(true);
    expect(robotBody({ ...draftOfRobot(stored), inWorkingTime: false }).inWorkingTime).toBe(false);
    expect(switchedRobot(stored, false).inWorkingTime).toBe(true);
  });

  it('keeps a delay the form cannot split unless another is picked', () => {
    const draft = draftOfRobot(robot({ delay: 'P1M' }));
    expect(draft.delay.when).toBe('kept');
    expect(robotBody(draft).delay).toBe('P1M');
    expect(robotBody(after(draft, 2, 'weeks')).delay).toBe('P2W');
  });

  it('switched off sends every other setting unchanged', () => {
    expect(switchedRobot(robot(), false)).toEqual({
      stageId: 's3',
      name: 'Call back',
      action: 'notify',
      delay: 'P3D',
      inWorkingTime: false,
      message: 'Call {{ deal.contact }}',
      notifyHead: true,
      definitionKey: null,
      activityKind: null,
      activityDue: null,
      targetStageId: null,
      active: false,
    });
    const planner = robot({ action: 'activity', activityKind: 'call', activityDue: 'PT2H' });
    expect(switchedRobot(planner, false)).toMatchObject({ activityKind: 'call', activityDue: 'PT2H' });
  });
});

describe('a duration the form will not send', () => {
  it.each(['', 0, 1.5, -2])('after %j', (amount) => {
    expect(draftProblem(after(newRobotDraft('s1'), amount))).toBe('delay');
  });
  it("is the activity's deadline when that is the one", () => {
    const planner: RobotDraft = { ...newRobotDraft('s1'), action: 'activity' };
    expect(draftProblem(after(planner, 0, 'days', 'due'))).toBe('due');
    // Another action does not send the deadline: nothing stops it.
    expect(draftProblem(after({ ...planner, action: 'notify' }, 0, 'days', 'due'))).toBeNull();
  });
  it('is no problem at once', () => {
    const draft = newRobotDraft('s1');
    expect(draftProblem({ ...draft, delay: { ...draft.delay, when: 'now', amount: '' } })).toBeNull();
    expect(draftProblem(after(draft, 7))).toBeNull();
  });

  it('sends a stage move with its target, and nothing of the other actions', () => {
    const draft = {
      ...newRobotDraft('s3'),
      name: 'Close',
      action: 'moveStage' as const,
      targetStageId: 's9',
      message: 'x',
    };
    expect(robotBody(draft)).toMatchObject({
      action: 'moveStage',
      targetStageId: 's9',
      message: null,
      definitionKey: null,
      activityKind: null,
    });
    const stored = robot({ action: 'moveStage', targetStageId: 's9', message: null, notifyHead: false });
    expect(draftOfRobot(stored).targetStageId).toBe('s9');
    expect(switchedRobot(stored, false)).toMatchObject({ targetStageId: 's9', active: false });
  });
});

import { describe, expect, it } from 'vitest';
import type { Robot } from '../../src/api/crm-robots.ts';
import {
  draftOfRobot,
  draftProblem,
  forgottenClient,
  newRobotDraft,
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
  message: 'Call {{ deal.contact }}',
  notifyHead: true,
  definitionKey: null,
  active: true,
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
  ...over,
});

describe('the forgotten-client preset', () => {
  it('notifies the manager and their head after 7 days, at the stage the dialog opened on', () => {
    const draft = forgottenClient(newRobotDraft('s3'), WORDS);
    expect(robotBody(draft)).toEqual({
      stageId: 's3',
      name: 'Forgotten client',
      action: 'notify',
      delay: 'P7D',
      message: WORDS.message,
      notifyHead: true,
      definitionKey: null,
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

  it('sends the settings of the other action empty', () => {
    const draft = {
      ...draftOfRobot(robot()),
      action: 'startProcess' as const,
      definitionKey: 'confirm-deal',
    };
    expect(robotBody(draft)).toMatchObject({
      message: null,
      notifyHead: false,
      definitionKey: 'confirm-deal',
    });
    const back = { ...draft, action: 'notify' as const };
    expect(robotBody(back)).toMatchObject({
      message: 'Call {{ deal.contact }}',
      notifyHead: true,
      definitionKey: null,
    });
  });

  it('is the stored robot again when nothing was changed', () => {
    const stored = robot({ delay: 'PT4H' });
    expect(robotBody(draftOfRobot(stored))).toEqual(switchedRobot(stored, true));
  });

  it('keeps a delay the form cannot split unless another is picked', () => {
    const draft = draftOfRobot(robot({ delay: 'P1M' }));
    expect(draft.when).toBe('kept');
    expect(robotBody(draft).delay).toBe('P1M');
    expect(robotBody({ ...draft, when: 'after', amount: 2, unit: 'weeks' }).delay).toBe('P2W');
  });

  it('switched off sends every other setting unchanged', () => {
    expect(switchedRobot(robot(), false)).toEqual({
      stageId: 's3',
      name: 'Call back',
      action: 'notify',
      delay: 'P3D',
      message: 'Call {{ deal.contact }}',
      notifyHead: true,
      definitionKey: null,
      active: false,
    });
  });
});

describe('a delay the form will not send', () => {
  it.each(['', 0, 1.5, -2])('after %j', (amount) => {
    expect(draftProblem({ ...newRobotDraft('s1'), when: 'after', amount })).toBe('amount');
  });
  it('is no problem at once', () => {
    expect(draftProblem({ ...newRobotDraft('s1'), when: 'now', amount: '' })).toBeNull();
    expect(draftProblem({ ...newRobotDraft('s1'), when: 'after', amount: 7 })).toBeNull();
  });
});

import { calendarOfDays, compile, type HistoryEvent, runProgress } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { runMarks } from '../../src/designer/model/run-marks.ts';
import {
  completeTask,
  fireTimer,
  RUN_START,
  sendMessage,
  startRun,
} from '../../src/designer/model/test-run.ts';
import { vacation } from './fixtures.ts';

/** The canvas marks of a test run of the vacation process. */
const marksOf = (history: readonly HistoryEvent[]) => runMarks(runProgress(vacation().flows, history));

function compiled() {
  const out = compile(vacation());
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.compiled;
}

describe('test run with the real engine', () => {
  it('approve → both parallel tasks → completed, with the path marked', () => {
    let run = startRun(compiled(), { params: { days: 5 } });
    expect(run.state.status).toBe('running');
    expect(run.tasks.map((t) => [t.nodeId, t.kind, t.outcomes.map((o) => o.id)])).toEqual([
      ['approve', 'approve', ['approved', 'rejected']],
    ]);
    expect(run.tasks[0]?.assignees).toEqual(['head:tester']);
    expect(run.timers.map((t) => t.nodeId)).toEqual(['timeout']);
    expect(marksOf(run.history).run.get('approve')).toBe('active');

    run = completeTask(run, run.tasks[0]?.taskId ?? '', 'approved');
    expect(run.tasks.map((t) => t.nodeId).sort()).toEqual(['accounting', 'hr']);
    expect(run.timers).toEqual([]);
    const marks = marksOf(run.history);
    expect(marks.run.get('approve')).toBe('done');
    expect([...marks.taken].sort()).toEqual(['f1', 'f2', 'f3', 'f5', 'f6']);

    for (const task of run.tasks) run = completeTask(run, task.taskId, undefined);
    expect(run.state.status).toBe('completed');
    expect(run.tasks).toEqual([]);
    const end = marksOf(run.history);
    expect(end.run.get('done')).toBe('done');
    expect(end.taken.has('f4')).toBe(false);
    expect(end.taken.has('f9')).toBe(true);
  });

  it('a rejection takes the default flow', () => {
    let run = startRun(compiled(), { params: { days: 5 } });
    run = completeTask(run, run.tasks[0]?.taskId ?? '', 'rejected');
    expect(run.state.status).toBe('completed');
    const marks = marksOf(run.history);
    expect(marks.run.get('refused')).toBe('done');
    expect(marks.taken.has('f4')).toBe(true);
    expect(marks.taken.has('f3')).toBe(false);
  });

  it('skipping a timer moves the clock to it and fires it', () => {
    let run = startRun(compiled(), { params: { days: 5 } });
    const timer = run.timers[0];
    run = fireTimer(run, timer?.timerId ?? '');
    expect(run.now).toBe(timer?.dueAt);
    expect(run.now).toBeGreaterThan(RUN_START);
    expect(run.state.status).toBe('completed');
    expect(marksOf(run.history).run.get('approve')).toBe('cancelled');
  });

  it('wrong start parameters are refused; an event the engine refuses is reported and changes nothing', () => {
    const bad = startRun(compiled(), { params: {} });
    expect(bad.rejected).toMatch(/days/);
    expect(bad.history).toEqual([]);
    const run = startRun(compiled(), { params: { days: 5 } });
    const refused = sendMessage(run, 'nobody', null);
    expect(refused.rejected).toMatch(/no one waits/);
    expect(refused.state).toBe(run.state);
  });

  it('never writes to the session it was given', () => {
    const run = startRun(compiled(), { params: { days: 5 } });
    const copy = structuredClone({ state: run.state, history: run.history, tasks: run.tasks });
    completeTask(run, run.tasks[0]?.taskId ?? '', 'approved');
    expect({ state: run.state, history: run.history, tasks: run.tasks }).toEqual(copy);
  });

  it("counts working time on the company's calendar when given one", () => {
    const out = compile({
      key: 'due',
      name: 'Due',
      nodes: [
        { id: 'start', type: 'start' },
        { id: 'ask', type: 'userTask', config: { deadline: 'P1D', workingTime: true } },
        { id: 'end', type: 'end' },
      ],
      flows: [
        { id: 'f1', source: 'start', target: 'ask' },
        { id: 'f2', source: 'ask', target: 'end' },
      ],
    });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const week = { workdays: [1, 2, 3, 4, 5], start: '09:00', end: '18:00', utcOffsetMinutes: 0 };
    const company = calendarOfDays(week, [{ date: '2026-01-06', kind: 'holiday' }]);
    // RUN_START is Monday 5 January 2026, 09:00 UTC; the 6th is a holiday here.
    expect(startRun(out.compiled, {}).tasks[0]?.dueAt).toBe(Date.parse('2026-01-06T09:00:00Z'));
    expect(startRun(out.compiled, {}, { calendar: company }).tasks[0]?.dueAt).toBe(
      Date.parse('2026-01-07T09:00:00Z'),
    );
  });
});

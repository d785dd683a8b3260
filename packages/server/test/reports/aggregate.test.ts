import { describe, expect, it } from 'vitest';
import {
  calendarTime,
  departmentStats,
  personStats,
  type ReportTask,
  spreadOf,
  stepStats,
} from '../../src/reports/aggregate.ts';
import { csvLine } from '../../src/reports/csv.ts';

let made = 0;
const task = (over: Partial<ReportTask>): ReportTask => ({
  id: `t${++made}`,
  instanceId: 'i1',
  nodeId: 'approve',
  title: 'Approve',
  status: 'completed',
  createdAt: 0,
  completedAt: 10,
  dueAt: null,
  completedBy: 'dan',
  departmentId: 'sales',
  departmentName: 'Sales',
  assignees: [],
  ...over,
});

describe('report sums', () => {
  it('takes nearest-rank percentiles: the median of four is the second, p90 of ten the ninth', () => {
    expect(spreadOf([40, 10, 30, 20])).toEqual({
      count: 4,
      totalMs: 100,
      medianMs: 20,
      p90Ms: 40,
      maxMs: 40,
    });
    const ten = spreadOf([10, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect([ten.medianMs, ten.p90Ms, ten.maxMs]).toEqual([5, 9, 10]);
    expect(spreadOf([])).toEqual({ count: 0, totalMs: 0, medianMs: null, p90Ms: null, maxMs: null });
  });

  it('counts open, cancelled and late tasks per step, times only the answered ones', () => {
    const now = 1_000;
    const [step] = stepStats(
      [
        task({ completedAt: 30, dueAt: 20 }), // answered late
        task({ completedAt: 10, dueAt: 20 }),
        task({ status: 'open', completedAt: null, createdAt: 400, dueAt: 900 }), // open past its deadline
        task({ status: 'open', completedAt: null, createdAt: 700, dueAt: 2_000 }),
        task({ status: 'cancelled', completedAt: 50, dueAt: 20 }), // not answered: neither timed nor late
      ],
      () => undefined,
      now,
      calendarTime,
    );
    expect(step).toMatchObject({
      tasks: 5,
      open: 2,
      cancelled: 1,
      overdue: 2,
      oldestOpenMs: 600,
      count: 2,
      totalMs: 40,
    });
    // The open tasks waiting longest, oldest first, with who holds them.
    expect(step?.waiting.map((w) => [w.since, w.dueAt])).toEqual([
      ['1970-01-01T00:00:00.400Z', '1970-01-01T00:00:00.900Z'],
      ['1970-01-01T00:00:00.700Z', '1970-01-01T00:00:02.000Z'],
    ]);
  });

  it('names the five open tasks waiting longest, oldest first', () => {
    const open = [70, 10, 60, 20, 50, 30, 40].map((createdAt) =>
      task({ status: 'open', completedAt: null, createdAt, assignees: [`u${createdAt}`] }),
    );
    const [step] = stepStats(open, () => undefined, 100, calendarTime);
    expect(step?.waiting.map((w) => w.assignees[0])).toEqual(['u10', 'u20', 'u30', 'u40', 'u50']);
  });

  it('puts the step and the department that took longest first, with shares of the whole', () => {
    const tasks = [
      task({ nodeId: 'a', completedAt: 10 }),
      task({ nodeId: 'b', completedAt: 30, completedBy: 'lena', departmentId: null, departmentName: null }),
    ];
    const steps = stepStats(tasks, (id) => (id === 'b' ? 'Check' : undefined), 0, calendarTime);
    expect(steps.map((s) => [s.nodeId, s.title, s.share])).toEqual([
      ['b', 'Check', 0.75],
      ['a', 'Approve', 0.25],
    ]);
    expect(personStats(tasks, calendarTime).map((p) => [p.userId, p.totalMs, p.share])).toEqual([
      ['lena', 30, 0.75],
      ['dan', 10, 0.25],
    ]);
    expect(
      departmentStats(tasks, calendarTime).map((d) => [d.departmentId, d.totalMs, d.people, d.share]),
    ).toEqual([
      [null, 30, 1, 0.75],
      ['sales', 10, 1, 0.25],
    ]);
  });

  it('measures with the clock it is given: working hours leave nights out', () => {
    const halved = (from: number, to: number) => (to - from) / 2;
    const tasks = [
      task({ createdAt: 0, completedAt: 40 }),
      task({ status: 'open', createdAt: 20, completedAt: null }),
    ];
    const [step] = stepStats(tasks, () => undefined, 100, halved);
    expect(step).toMatchObject({ totalMs: 20, oldestOpenMs: 40 });
    expect(departmentStats(tasks, halved)[0]?.totalMs).toBe(20);
  });
});

describe('CSV lines', () => {
  it('quotes commas, quotes and line breaks, and keeps a formula-like text as text', () => {
    expect(csvLine(['plain', 'a,b', 'say "hi"', 'two\nlines', null, 1.5])).toBe(
      'plain,"a,b","say ""hi""","two\nlines",,1.5\r\n',
    );
    expect(csvLine(['=1+1', '+7', '-x', '@sum', '=a,b'])).toBe(`'=1+1,'+7,'-x,'@sum,"'=a,b"\r\n`);
  });
});

import { describe, expect, it } from 'vitest';
import {
  BUSINESS_FUNCTIONS,
  createExpressionEnvironment,
  createWorkCalendar,
  type EvaluationScope,
  ExpressionError,
  type WorkCalendar,
} from '../../src/expressions/index.ts';

const env = createExpressionEnvironment([
  { name: 'amount', type: 'money' },
  { name: 'count', type: 'int' },
  { name: 'due', type: 'date' },
  { name: 'payload', type: 'json' },
  { name: 'document', type: 'map' },
]);

// Friday 15 March 2024, 10:30 UTC.
const NOW = Date.UTC(2024, 2, 15, 10, 30);

function run(source: string, values: Record<string, unknown> = {}, calendar?: WorkCalendar): unknown {
  const result = env.compile(source, 'expression');
  if (!result.ok) throw new Error(result.problem.message);
  const scope: EvaluationScope = calendar ? { values, now: NOW, calendar } : { values, now: NOW };
  return result.expression.evaluate(scope);
}

describe('clock functions read scope.now', () => {
  it('now() is the ISO date-time of scope.now', () => {
    expect(run('now()')).toBe('2024-03-15T10:30:00.000Z');
  });

  it("today() is the UTC date, or the calendar's local date", () => {
    const lateEvening = Date.UTC(2024, 2, 15, 22, 30);
    const expression = env.compile('today()', 'expression');
    if (!expression.ok) throw new Error('today() must compile');
    expect(expression.expression.evaluate({ values: {}, now: lateEvening })).toBe('2024-03-15');
    const moscow = createWorkCalendar({ utcOffsetMinutes: 180 });
    expect(expression.expression.evaluate({ values: {}, now: lateEvening, calendar: moscow })).toBe(
      '2024-03-16',
    );
  });

  it('daysSince() counts whole days until now', () => {
    expect(run('daysSince("2024-03-10")')).toBe(5);
    expect(run('daysSince(due) > 3', { due: '2024-03-10' })).toBe(true);
    expect(run('daysSince("2024-03-20")')).toBe(-4);
  });
});

describe('dateAdd', () => {
  it.each([
    ['"2024-03-15"', '"P3D"', '2024-03-18'],
    ['"2024-01-31"', '"P1M"', '2024-02-29'],
    ['"2024-02-29"', '"P1Y"', '2025-02-28'],
    ['"2024-03-15"', '"-P1W"', '2024-03-08'],
    ['"2024-03-15"', '"PT36H"', '2024-03-16T12:00:00.000Z'],
    ['"2024-03-15T10:00:00+03:00"', '"P1D"', '2024-03-16T07:00:00.000Z'],
    ['now()', '"PT90M"', '2024-03-15T12:00:00.000Z'],
  ])('dateAdd(%s, %s) = %s', (date, duration, expected) => {
    expect(run(`dateAdd(${date}, ${duration})`)).toBe(expected);
  });

  it('rejects a bad duration at run time', () => {
    expect(() => run('dateAdd("2024-03-15", "3 days")')).toThrow(
      new ExpressionError(
        'dateAdd("2024-03-15", "3 days")',
        "Not an ISO 8601 duration: '3 days' (expected e.g. P3D, PT2H30M, P1Y2M)",
      ),
    );
  });

  it('rejects a bad date at run time', () => {
    expect(() => run('dateAdd("15.03.2024", "P1D")')).toThrow("Not an ISO date: '15.03.2024'");
  });
});

describe('workDateAdd', () => {
  const calendar = createWorkCalendar({ holidays: ['2024-03-19'] });

  it('adds working days to a date', () => {
    expect(run('workDateAdd("2024-03-15", "P1D")', {}, calendar)).toBe('2024-03-18');
    expect(run('workDateAdd("2024-03-15", "P2D")', {}, calendar)).toBe('2024-03-20');
  });

  it('adds working hours to a date-time', () => {
    expect(run('workDateAdd("2024-03-15T17:00:00Z", "PT2H")', {}, calendar)).toBe('2024-03-18T10:00:00.000Z');
  });

  it('keeps a date a date in any UTC offset', () => {
    const newYork = createWorkCalendar({ utcOffsetMinutes: -300 });
    const tokyo = createWorkCalendar({ utcOffsetMinutes: 540 });
    expect(run('workDateAdd("2024-03-15", "P1D")', {}, newYork)).toBe('2024-03-18');
    expect(run('workDateAdd("2024-03-15", "P1D")', {}, tokyo)).toBe('2024-03-18');
  });

  it('fails without a calendar in the scope', () => {
    expect(() => run('workDateAdd("2024-03-15", "P1D")')).toThrow(
      'workDateAdd needs a work calendar, and the evaluation scope has none',
    );
  });
});

describe('dateDiff', () => {
  it.each([
    ['"2024-03-01", "2024-03-15", "days"', 14],
    ['"2024-03-15", "2024-03-01", "days"', -14],
    ['"2024-03-15T08:00:00Z", "2024-03-15T10:30:00Z", "hours"', 2],
    ['"2024-03-15T08:00:00Z", "2024-03-15T10:30:00Z", "minutes"', 150],
    ['"2024-03-15", "2024-03-15T23:59:00Z", "days"', 0],
  ])('dateDiff(%s) = %d', (args, expected) => {
    expect(run(`dateDiff(${args})`)).toBe(expected);
  });

  it('works in arithmetic with int literals', () => {
    expect(run('dateDiff("2024-03-01", "2024-03-15", "days") * 2 + 1')).toBe(29);
  });

  it('rejects an unknown unit', () => {
    expect(() => run('dateDiff("2024-03-01", "2024-03-15", "weeks")')).toThrow(
      "dateDiff unit must be one of days, hours, minutes; got 'weeks'",
    );
  });
});

describe('formatMoney', () => {
  // ru-RU groups with a no-break space and puts one before the currency sign.
  it('formats roubles ru-RU style by default', () => {
    expect(run('formatMoney(1500, "RUB")')).toBe('1\u00a0500,00\u00a0₽');
    expect(run('formatMoney(amount, "RUB")', { amount: 1234567.891 })).toBe('1\u00a0234\u00a0567,89\u00a0₽');
    expect(run('formatMoney(count, "RUB")', { count: 7 })).toBe('7,00\u00a0₽');
    expect(run('formatMoney(document.total, "RUB")', { document: { total: 10 } })).toBe('10,00\u00a0₽');
  });

  it('takes a locale', () => {
    expect(run('formatMoney(1500, "USD", "en-US")')).toBe('$1,500.00');
    expect(run('formatMoney(amount, "EUR", "de-DE")', { amount: 1500.5 })).toBe('1.500,50\u00a0€');
  });

  it('rejects an unknown currency', () => {
    expect(() => run('formatMoney(1, "RUBX")')).toThrow(ExpressionError);
  });
});

describe('formatDate', () => {
  it.each([
    ['"2024-03-05"', '"dd.MM.yyyy"', '05.03.2024'],
    ['"2024-03-05"', '"d.M.yy"', '5.3.24'],
    ['"2024-03-05T07:08:09Z"', '"yyyy-MM-dd HH:mm:ss"', '2024-03-05 07:08:09'],
    ['"2024-03-15"', '"ru-RU"', '15 марта 2024 г.'],
    ['"2024-03-15"', '"en-US"', 'March 15, 2024'],
    ['"2024-03-15T10:05:00Z"', '"ru-RU"', '15 марта 2024 г. в 10:05'],
  ])('formatDate(%s, %s) = %s', (date, pattern, expected) => {
    expect(run(`formatDate(${date}, ${pattern})`)).toBe(expected);
  });

  it('defaults to dd.MM.yyyy, with HH:mm for a date-time', () => {
    expect(run('formatDate("2024-03-15")')).toBe('15.03.2024');
    expect(run('formatDate("2024-03-15T10:05:00Z")')).toBe('15.03.2024 10:05');
  });

  it("shows date-times on the calendar's wall clock", () => {
    const moscow = createWorkCalendar({ utcOffsetMinutes: 180 });
    expect(run('formatDate("2024-03-15T22:05:00Z", "dd.MM.yyyy HH:mm")', {}, moscow)).toBe(
      '16.03.2024 01:05',
    );
    expect(run('formatDate("2024-03-15", "dd.MM.yyyy HH:mm")', {}, moscow)).toBe('15.03.2024 00:00');
  });
});

describe('isEmpty and coalesce', () => {
  it.each([
    [null, true],
    ['', true],
    ['  ', true],
    [[], true],
    [{}, true],
    ['x', false],
    [[0], false],
    [{ a: null }, false],
    [0, false],
    [false, false],
  ])('isEmpty(%j) = %s', (payload, expected) => {
    expect(run('isEmpty(payload)', { payload })).toBe(expected);
  });

  it('coalesce returns the first non-null argument', () => {
    expect(run('coalesce(payload, "default")', { payload: null })).toBe('default');
    expect(run('coalesce(payload, "default")', { payload: 'set' })).toBe('set');
    expect(run('coalesce(payload, null, 3)', { payload: null })).toBe(3);
    expect(run('coalesce(payload, 0) + 1', { payload: 41.5 })).toBe(42.5);
  });
});

describe('registry', () => {
  it('lists every business function with a signature and description', () => {
    const names = new Set(BUSINESS_FUNCTIONS.map((f) => f.signature.slice(0, f.signature.indexOf('('))));
    expect([...names]).toEqual([
      'now',
      'today',
      'dateAdd',
      'workDateAdd',
      'dateDiff',
      'daysSince',
      'formatMoney',
      'formatDate',
      'isEmpty',
      'coalesce',
    ]);
    for (const f of BUSINESS_FUNCTIONS) expect(f.description).not.toBe('');
  });
});

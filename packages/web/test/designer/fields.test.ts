import { describe, expect, it } from 'vitest';
import { type Assignee, readAssignee, writeAssignee } from '../../src/designer/model/assignees.ts';
import { isDuration, joinDuration, splitDuration } from '../../src/designer/model/duration.ts';

describe('assignee picker ⇄ CEL', () => {
  const cases: [string, Assignee][] = [
    ["'ivanov'", { kind: 'user', value: 'ivanov' }],
    ["'role:HR'", { kind: 'role', value: 'HR' }],
    ["'role:Accountant@d7'", { kind: 'role', value: 'Accountant', department: 'd7' }],
    ["'group:lawyers'", { kind: 'group', value: 'lawyers' }],
    ["'department:sales'", { kind: 'department', value: 'sales' }],
    ["'head:' + starter", { kind: 'headOfStarter', value: 'starter' }],
    ["'head:' + document.responsible", { kind: 'headOf', value: 'document.responsible' }],
    ["'head:petrov'", { kind: 'headOf', value: 'petrov' }],
    ['document.responsible', { kind: 'document', value: 'responsible' }],
    ['approvers[0]', { kind: 'expression', value: 'approvers[0]' }],
    ["'o\\'brien'", { kind: 'user', value: "o'brien" }],
  ];
  it.each(cases)('%s', (cel, assignee) => {
    expect(readAssignee(cel)).toEqual(assignee);
    expect(writeAssignee(assignee)).toBe(cel);
  });

  it('reads double quotes and user: references too', () => {
    expect(readAssignee('"role:HR"')).toEqual({ kind: 'role', value: 'HR' });
    expect(readAssignee("'user:u1'")).toEqual({ kind: 'user', value: 'u1' });
    expect(readAssignee('"head:" + starter')).toEqual({ kind: 'headOfStarter', value: 'starter' });
  });
});

describe('durations', () => {
  it('splits and joins single-unit durations', () => {
    expect(splitDuration('P3D')).toEqual({ amount: 3, unit: 'days' });
    expect(splitDuration('PT2H')).toEqual({ amount: 2, unit: 'hours' });
    expect(splitDuration('PT30M')).toEqual({ amount: 30, unit: 'minutes' });
    expect(splitDuration('P2W')).toEqual({ amount: 2, unit: 'weeks' });
    expect(splitDuration('P1DT2H')).toBeNull();
    expect(splitDuration(undefined)).toBeNull();
    expect(joinDuration(3, 'days')).toBe('P3D');
    expect(joinDuration(1.4, 'hours')).toBe('PT1H');
    expect(joinDuration(45, 'minutes')).toBe('PT45M');
  });

  it('checks ISO 8601 as the engine reads it', () => {
    expect(isDuration('P1DT2H')).toBe(true);
    expect(isDuration('3 days')).toBe(false);
  });
});

describe('template keys', () => {
  it('are suggested from the name, transliterated, and made unique', async () => {
    const { keyFromName, uniqueKey, KEY_PATTERN } = await import('../../src/designer/model/keys.ts');
    expect(keyFromName('Заявка на отпуск')).toBe('zayavka-na-otpusk');
    expect(keyFromName('  Purchase of goods (2026)! ')).toBe('purchase-of-goods-2026');
    expect(KEY_PATTERN.test(keyFromName('Щука и ёж'))).toBe(true);
    expect(uniqueKey('vacation', ['vacation', 'vacation-2'])).toBe('vacation-3');
    expect(uniqueKey('', [])).toBe('process');
  });
});

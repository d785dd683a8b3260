import { describe, expect, it } from 'vitest';
import { readSubject, type SubjectNames, subjectLabel, subjectOptions } from '../../src/app/subjects.ts';

const names: SubjectNames = {
  role: new Map([['clerk', 'Clerks']]),
  group: new Map([['board', 'The board']]),
  department: new Map([['sales', 'Sales']]),
  user: new Map([['anna', 'Anna Kuznetsova']]),
};
/** The words as keys with their values, so a test reads what was asked for. */
const t = (key: string, values?: Record<string, string>) =>
  values?.name === undefined ? key : `${key}(${values.name})`;

describe('a right’s subject', () => {
  it('is read by its prefix; anything else is not one the server knows', () => {
    expect(readSubject('everyone')).toEqual({ kind: 'everyone', id: '' });
    expect(readSubject('role:clerk')).toEqual({ kind: 'role', id: 'clerk' });
    expect(readSubject('department:a:b')).toEqual({ kind: 'department', id: 'a:b' });
    expect(readSubject('user:')).toBeNull();
    expect(readSubject('head:anna')).toBeNull();
    expect(readSubject('anna')).toBeNull();
  });

  it('is named by the organisation, or by its id after its kind when the organisation has it not', () => {
    expect(subjectLabel('everyone', names, t)).toBe('subjects.everyone');
    expect(subjectLabel('role:clerk', names, t)).toBe('subjects.role(Clerks)');
    expect(subjectLabel('user:anna', names, t)).toBe('subjects.user(Anna Kuznetsova)');
    expect(subjectLabel('group:gone', names, t)).toBe('subjects.group(gone)');
    expect(subjectLabel('head:anna', names, t)).toBe('head:anna');
  });

  it('is offered grouped by kind, a chosen one the organisation does not name kept last', () => {
    expect(subjectOptions(names, ['role:gone', 'role:clerk'], t)).toEqual([
      { group: 'subjects.kinds.everyone', items: [{ value: 'everyone', label: 'subjects.everyone' }] },
      { group: 'subjects.kinds.role', items: [{ value: 'role:clerk', label: 'subjects.role(Clerks)' }] },
      {
        group: 'subjects.kinds.group',
        items: [{ value: 'group:board', label: 'subjects.group(The board)' }],
      },
      {
        group: 'subjects.kinds.department',
        items: [{ value: 'department:sales', label: 'subjects.department(Sales)' }],
      },
      {
        group: 'subjects.kinds.user',
        items: [{ value: 'user:anna', label: 'subjects.user(Anna Kuznetsova)' }],
      },
      { group: 'subjects.kinds.other', items: [{ value: 'role:gone', label: 'subjects.role(gone)' }] },
    ]);
  });

  it('leaves out the kinds the organisation has none of', () => {
    const empty: SubjectNames = { role: new Map(), group: new Map(), department: new Map(), user: new Map() };
    expect(subjectOptions(empty, [], t)).toEqual([
      { group: 'subjects.kinds.everyone', items: [{ value: 'everyone', label: 'subjects.everyone' }] },
    ]);
  });
});

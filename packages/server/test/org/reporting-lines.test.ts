import { describe, expect, it } from 'vitest';
import {
  type LineDepartment,
  type LineUser,
  MAX_REPORTING_DEPTH,
  reportingLines,
} from '../../src/org/reporting-lines.ts';

const user = (id: string, departmentId: string | null, extra: Partial<LineUser> = {}): LineUser => ({
  id,
  departmentId,
  managerId: null,
  active: true,
  ...extra,
});
const department = (id: string, parentId: string | null, headId: string | null): LineDepartment => ({
  id,
  parentId,
  headId,
});

/** director heads the company; sales (head: sasha) and logistics (no head) sit below it. */
const departments = [
  department('company', null, 'director'),
  department('sales', 'company', 'sasha'),
  department('logistics', 'company', null),
];

describe('reporting lines', () => {
  it('go up through the department heads, nearest first; a head reports to the head above', () => {
    const { heads, cycles } = reportingLines(
      [user('director', 'company'), user('sasha', 'sales'), user('ann', 'sales')],
      departments,
    );
    expect(heads.get('ann')).toEqual(['sasha', 'director']);
    expect(heads.get('sasha')).toEqual(['director']);
    expect(heads.get('director')).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it('skip an empty seat and an inactive head by walking up the tree', () => {
    const { heads } = reportingLines(
      [
        user('director', 'company'),
        user('sasha', 'sales', { active: false }),
        user('ann', 'sales'),
        user('lev', 'logistics'),
      ],
      departments,
    );
    expect(heads.get('ann')).toEqual(['director']);
    expect(heads.get('lev')).toEqual(['director']);
  });

  it('let a manager override win over the department head', () => {
    const { heads } = reportingLines(
      [user('director', 'company'), user('sasha', 'sales'), user('ann', 'sales', { managerId: 'director' })],
      departments,
    );
    expect(heads.get('ann')).toEqual(['director']);
  });

  it('report the users whose heads go round in a circle', () => {
    const { cycles } = reportingLines(
      [user('director', 'company', { managerId: 'sasha' }), user('sasha', 'sales'), user('ann', 'sales')],
      departments,
    );
    expect(cycles).toEqual(['director', 'sasha']);
  });

  it(`report the users with more than ${MAX_REPORTING_DEPTH} heads above them, and stop walking there`, () => {
    // m0 manages m1, who manages m2, …: m<i> has i heads above.
    const chain = Array.from({ length: 60 }, (_, i) =>
      user(`m${i}`, null, { managerId: i === 0 ? null : `m${i - 1}` }),
    );
    const { heads, cycles, tooDeep } = reportingLines(chain, []);
    expect(cycles).toEqual([]);
    expect(tooDeep).toEqual(Array.from({ length: 9 }, (_, i) => `m${51 + i}`).sort());
    expect(heads.get('m50')).toHaveLength(MAX_REPORTING_DEPTH);
    expect(heads.get('m59')).toHaveLength(MAX_REPORTING_DEPTH);
  });
});

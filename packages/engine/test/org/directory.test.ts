import { describe, expect, it } from 'vitest';
import { createDirectory, type OrgSnapshot, type SnapshotAbsence } from '../../src/org/directory.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 6, 1, 9);

/**
 * sales (head boris) ⊂ company (head vera); ann and dan work in sales; olga is a process administrator;
 * gena is inactive; accountants: kate company-wide in sales, lena in "finance".
 */
function org(absences: SnapshotAbsence[] = [], active: Record<string, boolean> = {}): OrgSnapshot {
  const ids = ['ann', 'dan', 'boris', 'vera', 'olga', 'gena', 'kate', 'lena', 'pavel'];
  return {
    users: new Map(ids.map((id) => [id, { id, login: `${id}@x`, active: active[id] ?? id !== 'gena' }])),
    heads: new Map([
      ['ann', ['boris', 'vera']],
      ['dan', ['boris', 'vera']],
      ['kate', ['boris', 'vera']],
      ['boris', ['vera']],
      ['gena', ['boris', 'vera']],
    ]),
    departments: new Map([
      ['company', { parentId: null, headId: 'vera' }],
      ['sales', { parentId: 'company', headId: 'boris' }],
      ['finance', { parentId: 'company', headId: null }],
    ]),
    roles: [
      { role: 'processAdministrator', departmentId: null, userId: 'olga', userDepartmentId: null },
      { role: 'accountant', departmentId: null, userId: 'kate', userDepartmentId: 'sales' },
      { role: 'accountant', departmentId: 'finance', userId: 'lena', userDepartmentId: 'finance' },
    ],
    groups: new Map([['board', ['vera', 'boris']]]),
    absences: new Map(absences.map((a) => [a.userId, [a]])),
  };
}

const away = (userId: string, kind: string, deputyId: string | null): SnapshotAbsence => ({
  id: `${userId}-away`,
  userId,
  kind,
  fromAt: NOW - DAY,
  toAt: NOW + 7 * DAY,
  deputyId,
});

describe('the directory: references to people', () => {
  it('resolves ids, logins, user:, role:, role:@department, group:, head: and department:', () => {
    const d = createDirectory(org());
    const people = (ref: string) => d.expand([ref], NOW).map((a) => a.assignee);
    expect(people('ann')).toEqual(['ann']);
    expect(people('ann@x')).toEqual(['ann']);
    expect(people('user:dan')).toEqual(['dan']);
    expect(people('role:accountant')).toEqual(['kate', 'lena']);
    expect(people('role:accountant@sales')).toEqual(['kate']);
    expect(people('role:accountant@finance')).toEqual(['lena']);
    expect(people('group:board')).toEqual(['vera', 'boris']);
    expect(people('head:ann')).toEqual(['boris']);
    expect(people('head:head:ann')).toEqual(['vera']);
    expect(people('head:role:accountant@sales')).toEqual(['boris']);
    expect(people('department:sales')).toEqual(['boris']);
    expect(people('department:finance')).toEqual(['vera']);
  });

  it('treats a department seat held by an inactive user as empty: the head of the department above, no note', () => {
    const base = org();
    // gena (inactive, in sales under boris) still holds the finance seat.
    const departments = new Map([...base.departments, ['finance', { parentId: 'company', headId: 'gena' }]]);
    const d = createDirectory({ ...base, departments });
    expect(d.expand(['department:finance'], NOW)).toEqual([{ assignee: 'vera' }]);
  });

  it('gives an absent person’s work to their deputy, naming whom it was meant for and why', () => {
    const d = createDirectory(org([away('boris', 'vacation', 'dan')]));
    expect(d.expand(['head:ann'], NOW)).toEqual([{ assignee: 'dan', meantFor: 'boris', reason: 'vacation' }]);
    // Before and after the absence, boris himself.
    expect(d.expand(['head:ann'], NOW - 2 * DAY)).toEqual([{ assignee: 'boris' }]);
    expect(d.expand(['head:ann'], NOW + 7 * DAY)).toEqual([{ assignee: 'boris' }]);
  });

  it('walks up to the head when there is no deputy, or the deputy is away too', () => {
    const noDeputy = createDirectory(org([away('boris', 'sickLeave', null)]));
    expect(noDeputy.expand(['boris'], NOW)).toEqual([
      { assignee: 'vera', meantFor: 'boris', reason: 'sickLeave' },
    ]);
    const deputyAway = createDirectory(
      org([away('boris', 'vacation', 'dan'), away('dan', 'businessTrip', null)]),
    );
    expect(deputyAway.expand(['boris'], NOW)).toEqual([
      { assignee: 'vera', meantFor: 'boris', reason: 'vacation' },
    ]);
  });

  it('never gives work to an inactive user: their head takes it', () => {
    const d = createDirectory(org());
    expect(d.expand(['gena'], NOW)).toEqual([{ assignee: 'boris', meantFor: 'gena', reason: 'inactive' }]);
  });

  it('keeps an absent person with no one to stand in (the work waits for them)', () => {
    const d = createDirectory(org([away('vera', 'vacation', null)]));
    expect(d.expand(['vera'], NOW)).toEqual([{ assignee: 'vera' }]);
    expect(d.placement('vera', NOW)).toEqual({ kind: 'stranded', reason: 'vacation' });
  });

  it('sends references that match no one to the process administrators, marked unresolved', () => {
    const d = createDirectory(org());
    expect(d.expand(['role:ghost', 'nobody'], NOW)).toEqual([
      { assignee: 'olga', meantFor: 'role:ghost, nobody', reason: 'unresolved' },
    ]);
    expect(d.expand([], NOW)).toEqual([]);
  });

  it('resolves notification recipients the same way, keeping texts that name no one', () => {
    const d = createDirectory(org([away('boris', 'vacation', 'dan')]));
    expect(d.recipients(['head:ann', 'role:accountant', 'ops@example.com', 'role:ghost'], NOW)).toEqual([
      'dan',
      'kate',
      'lena',
      'ops@example.com',
    ]);
  });
});

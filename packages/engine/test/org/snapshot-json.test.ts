import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/org/directory.ts';
import { type OrgSnapshotJson, snapshotFromJson, snapshotToJson } from '../../src/org/snapshot-json.ts';

/** sales (head boris) ⊂ company (head vera); ann works in sales; boris is on vacation, dan deputises. */
const JSON_SNAPSHOT: OrgSnapshotJson = {
  users: [
    { id: 'ann', login: 'ann', active: true, heads: ['boris', 'vera'] },
    { id: 'boris', login: 'boris', active: true, heads: ['vera'] },
    { id: 'dan', login: 'dan', active: true, heads: ['boris', 'vera'] },
    { id: 'vera', login: 'vera', active: true, heads: [] },
  ],
  departments: [
    { id: 'company', parentId: null, headId: 'vera' },
    { id: 'sales', parentId: 'company', headId: 'boris' },
  ],
  roles: [{ role: 'accountant', departmentId: null, userId: 'ann', userDepartmentId: 'sales' }],
  groups: [{ name: 'board', members: ['vera', 'boris'] }],
  absences: [
    {
      id: 'a1',
      userId: 'boris',
      kind: 'vacation',
      deputyId: 'dan',
      startsAt: '2026-07-01T00:00:00.000Z',
      endsAt: '2026-07-15T00:00:00.000Z',
    },
  ],
};

describe('the organisation snapshot as JSON', () => {
  it('comes back as it went', () => {
    expect(snapshotToJson(snapshotFromJson(JSON_SNAPSHOT))).toEqual(JSON_SNAPSHOT);
  });

  it('gives a directory that assigns by it: heads, roles, groups, and the deputy while the head is away', () => {
    const directory = createDirectory(snapshotFromJson(JSON_SNAPSHOT));
    expect(directory.expand(['head:ann', 'role:accountant', 'group:board'], Date.UTC(2026, 5, 30))).toEqual([
      { assignee: 'boris' },
      { assignee: 'ann' },
      { assignee: 'vera' },
    ]);
    expect(directory.expand(['head:ann'], Date.UTC(2026, 6, 1))).toEqual([
      { assignee: 'dan', meantFor: 'boris', reason: 'vacation' },
    ]);
    expect(directory.expand(['head:ann'], Date.UTC(2026, 6, 15))).toEqual([{ assignee: 'boris' }]);
  });
});

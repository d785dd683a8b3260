import { compile } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import type { OrgSnapshotAnswer } from '../../src/designer/api.ts';
import { runDirectory } from '../../src/designer/model/run-directory.ts';
import { completeTask, RUN_START, startRun } from '../../src/designer/model/test-run.ts';
import { vacation } from './fixtures.ts';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

/**
 * sales (head vera) ⊂ company; ivan works in sales, anna holds the role Accountant. When `away`, vera
 * is on vacation around the run's start and boris deputises.
 */
function organisation({ away }: { away: boolean }): OrgSnapshotAnswer {
  const user = (id: string, name: string, heads: string[] = []) => ({
    id,
    login: id,
    name,
    active: true,
    heads,
  });
  return {
    users: [
      user('ivan', 'Ivan Sokolov', ['vera']),
      user('vera', 'Vera Petrova'),
      user('boris', 'Boris Ivanov', ['vera']),
      user('anna', 'Anna Kuznetsova', ['vera']),
    ],
    departments: [{ id: 'sales', parentId: null, headId: 'vera' }],
    roles: [{ role: 'Accountant', departmentId: null, userId: 'anna', userDepartmentId: 'sales' }],
    groups: [],
    absences: away
      ? [
          {
            id: 'a1',
            userId: 'vera',
            kind: 'vacation',
            deputyId: 'boris',
            startsAt: iso(RUN_START - DAY),
            endsAt: iso(RUN_START + 14 * DAY),
          },
        ]
      : [],
  };
}

function compiled() {
  const out = compile(vacation());
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return out.compiled;
}

describe('a test run with the organisation', () => {
  it('gives head:starter to the starter’s head, and a role’s task to its holder', () => {
    const people = runDirectory(organisation({ away: false }));
    let run = startRun(compiled(), { params: { days: 5 }, starter: 'ivan' }, { directory: people.directory });
    expect(run.tasks.map((t) => [t.nodeId, t.assignees, t.redirects])).toEqual([['approve', ['vera'], []]]);
    expect(people.name('vera')).toBe('Vera Petrova');

    run = completeTask(run, run.tasks[0]?.taskId ?? '', 'approved');
    expect(run.tasks.find((t) => t.nodeId === 'accounting')?.assignees).toEqual(['anna']);
  });

  it('gives it to the deputy while the head is away, saying for whom and why', () => {
    const people = runDirectory(organisation({ away: true }));
    const run = startRun(
      compiled(),
      { params: { days: 5 }, starter: 'ivan' },
      { directory: people.directory },
    );
    expect(run.tasks[0]).toMatchObject({
      assignees: ['boris'],
      redirects: [{ assignee: 'boris', meantFor: 'vera', reason: 'vacation' }],
    });
  });

  it('names people it knows and leaves anything else as written', () => {
    const people = runDirectory(organisation({ away: false }));
    expect([people.name('boris'), people.name('head:nobody')]).toEqual(['Boris Ivanov', 'head:nobody']);
  });
});

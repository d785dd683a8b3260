import type { OrgSnapshot, SnapshotAbsence } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/**
 * Reads what assignment needs from the organisation tables, as `db` (the root or a transaction) sees
 * them: users, reporting lines, departments, role holdings and groups of active users, and the absences
 * not over at `now` (ones that end earlier cannot matter to a step at `now` or later).
 */
export async function readOrgSnapshot(db: Kysely<Database>, now: number): Promise<OrgSnapshot> {
  const [users, lines, departments, holdings, members, absences] = await Promise.all([
    db.selectFrom('users').select(['id', 'login', 'active', 'department_id']).execute(),
    db.selectFrom('reporting_lines').selectAll().orderBy('user_id').orderBy('depth').execute(),
    db.selectFrom('departments').select(['id', 'parent_id', 'head_id']).execute(),
    db
      .selectFrom('user_roles')
      .innerJoin('users', 'users.id', 'user_roles.user_id')
      .select(['user_roles.role', 'user_roles.department_id', 'users.id', 'users.department_id as home'])
      .where('users.active', '=', 1)
      .orderBy('users.id')
      .execute(),
    db
      .selectFrom('group_members')
      .innerJoin('users', 'users.id', 'group_members.user_id')
      .select(['group_members.group_name', 'users.id'])
      .where('users.active', '=', 1)
      .orderBy('users.id')
      .execute(),
    db.selectFrom('absences').selectAll().where('to_at', '>', now).orderBy('from_at').execute(),
  ]);
  const heads = new Map<string, string[]>();
  for (const l of lines) heads.set(l.user_id, [...(heads.get(l.user_id) ?? []), l.head_id]);
  const groups = new Map<string, string[]>();
  for (const m of members) groups.set(m.group_name, [...(groups.get(m.group_name) ?? []), m.id]);
  const away = new Map<string, SnapshotAbsence[]>();
  for (const a of absences)
    away.set(a.user_id, [
      ...(away.get(a.user_id) ?? []),
      {
        id: a.id,
        userId: a.user_id,
        kind: a.kind,
        fromAt: Number(a.from_at),
        toAt: Number(a.to_at),
        deputyId: a.deputy_id,
      },
    ]);
  return {
    users: new Map(users.map((u) => [u.id, { id: u.id, login: u.login, active: u.active === 1 }])),
    heads,
    departments: new Map(departments.map((d) => [d.id, { parentId: d.parent_id, headId: d.head_id }])),
    roles: holdings.map((h) => ({
      role: h.role,
      departmentId: h.department_id === '' ? null : h.department_id,
      userId: h.id,
      userDepartmentId: h.home,
    })),
    groups,
    absences: away,
  };
}

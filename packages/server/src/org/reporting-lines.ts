import type { Kysely } from 'kysely';
import { insertRows } from '../db/insert-rows.ts';
import type { Database } from '../db/schema.ts';

export interface LineUser {
  id: string;
  departmentId: string | null;
  managerId: string | null;
  active: boolean;
}

export interface LineDepartment {
  id: string;
  parentId: string | null;
  headId: string | null;
}

/**
 * A user's own head: their manager override when set (and active), else the head of their department —
 * walking up to the parent department while the seat is empty, inactive, or the user's own (a
 * department head reports to the head above).
 */
export function immediateHead(
  user: LineUser,
  users: ReadonlyMap<string, LineUser>,
  departments: ReadonlyMap<string, LineDepartment>,
): string | null {
  const isHead = (id: string | null): id is string =>
    id !== null && id !== user.id && users.get(id)?.active === true;
  if (isHead(user.managerId)) return user.managerId;
  const seen = new Set<string>();
  for (let d = user.departmentId; d !== null && !seen.has(d); ) {
    seen.add(d);
    const department = departments.get(d);
    if (!department) return null;
    if (isHead(department.headId)) return department.headId;
    d = department.parentId;
  }
  return null;
}

/**
 * The most heads a user may have above them. Real organisations stay far below (a 160-person company
 * has 3–5 levels); `reporting_lines` holds a row per user and head, so a chain of 2,000 managers (a
 * CSV import can make one) meant 2 million rows and minutes of the server's one thread.
 */
export const MAX_REPORTING_DEPTH = 50;

export interface Lines {
  /** Every head above each user, nearest first. */
  heads: Map<string, string[]>;
  /** Users whose heads lead back to themselves (manager overrides that form a circle), sorted. */
  cycles: string[];
  /** Users with more than MAX_REPORTING_DEPTH heads above them, sorted. */
  tooDeep: string[];
}

/** The reporting line of every user: their head, that head's head, and so on up to the top. */
export function reportingLines(users: readonly LineUser[], departments: readonly LineDepartment[]): Lines {
  const byId = new Map(users.map((u) => [u.id, u]));
  const depts = new Map(departments.map((d) => [d.id, d]));
  const next = new Map(users.map((u) => [u.id, immediateHead(u, byId, depts)]));
  const heads = new Map<string, string[]>();
  const cycles = new Set<string>();
  const tooDeep = new Set<string>();
  for (const user of users) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let h = next.get(user.id) ?? null; h !== null; h = next.get(h) ?? null) {
      if (h === user.id) {
        cycles.add(user.id);
        break;
      }
      // The chain ran into a circle of others: each of them is reported on its own.
      if (seen.has(h)) break;
      if (chain.length === MAX_REPORTING_DEPTH) {
        tooDeep.add(user.id);
        break;
      }
      seen.add(h);
      chain.push(h);
    }
    heads.set(user.id, chain);
  }
  return { heads, cycles: [...cycles].sort(), tooDeep: [...tooDeep].sort() };
}

/** What keeps a change to the organisation from being written: circles of heads, lines too long. */
export type LineProblems = Pick<Lines, 'cycles' | 'tooDeep'>;

/**
 * Rewrites `reporting_lines` for the users whose line changed; called in every transaction that changes
 * users or departments (after `lockOrganisation`), so the table always matches them. Returns the users
 * in a circle of heads or with too many heads above them, writing nothing then: the caller rejects the change.
 */
export async function refreshReportingLines(trx: Kysely<Database>): Promise<LineProblems> {
  const [userRows, departmentRows, lineRows] = await Promise.all([
    trx.selectFrom('users').select(['id', 'department_id', 'manager_id', 'active']).execute(),
    trx.selectFrom('departments').select(['id', 'parent_id', 'head_id']).execute(),
    trx.selectFrom('reporting_lines').selectAll().orderBy('user_id').orderBy('depth').execute(),
  ]);
  const { heads, cycles, tooDeep } = reportingLines(
    userRows.map((u) => ({
      id: u.id,
      departmentId: u.department_id,
      managerId: u.manager_id,
      active: u.active === 1,
    })),
    departmentRows.map((d) => ({ id: d.id, parentId: d.parent_id, headId: d.head_id })),
  );
  if (cycles.length > 0 || tooDeep.length > 0) return { cycles, tooDeep };
  const stored = new Map<string, string[]>();
  for (const row of lineRows) stored.set(row.user_id, [...(stored.get(row.user_id) ?? []), row.head_id]);
  const changed = [...new Set([...heads.keys(), ...stored.keys()])].filter(
    (id) => (heads.get(id) ?? []).join('\n') !== (stored.get(id) ?? []).join('\n'),
  );
  if (changed.length === 0) return { cycles, tooDeep };
  for (let i = 0; i < changed.length; i += 500)
    await trx
      .deleteFrom('reporting_lines')
      .where('user_id', 'in', changed.slice(i, i + 500))
      .execute();
  const rows = changed.flatMap((id) =>
    (heads.get(id) ?? []).map((head, i) => ({ user_id: id, depth: i + 1, head_id: head })),
  );
  await insertRows(trx, 'reporting_lines', rows);
  return { cycles, tooDeep };
}

import type { Kysely } from 'kysely';
import { bumpCounter } from '../db/counters.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Unprocessable } from '../runtime/errors.ts';
import { refreshReportingLines } from './reporting-lines.ts';

/**
 * Serialises changes to the organisation: the `org_version` row is bumped first thing, so on PostgreSQL
 * a second writer waits for the first to commit and then derives reporting lines from what it wrote.
 */
export async function lockOrganisation(trx: Kysely<Database>): Promise<void> {
  await bumpCounter(trx, 'org_version');
}

export interface OrgWriteOptions {
  /** Where a circle of heads is reported, e.g. `body.managerId`; default `users.<id>`. */
  cyclePath?: (userId: string) => string;
}

/**
 * One change to the organisation in one transaction: locked, then `work`, then the reporting lines
 * brought up to date. A change that puts someone above themselves is rolled back with a 422, one that
 * leaves no active administrator with a 409.
 */
export async function orgTransaction<T>(
  rt: Runtime,
  work: (trx: Kysely<Database>) => Promise<T>,
  options: OrgWriteOptions = {},
): Promise<T> {
  return rt.db.kysely.transaction().execute(async (trx) => {
    await lockOrganisation(trx);
    const out = await work(trx);
    const cycles = await refreshReportingLines(trx);
    if (cycles.length > 0) {
      const path = options.cyclePath ?? ((id: string) => `users.${id}`);
      throw new Unprocessable(
        `heads would go round in a circle: ${cycles.join(', ')} would be above themselves`,
        cycles.map((id) => ({ path: path(id), message: `${id} would be their own head` })),
        'MANAGER_CYCLE',
      );
    }
    await keepAnAdministrator(trx);
    return out;
  });
}

async function keepAnAdministrator(trx: Kysely<Database>): Promise<void> {
  const admin = await trx
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', 'administrator')
    .where('users.active', '=', 1)
    .executeTakeFirst();
  if (!admin) throw new Conflict('the change would leave no active administrator', 'LAST_ADMINISTRATOR');
}

export interface DepartmentLink {
  id: string;
  parentId: string | null;
}

export async function departmentLinks(db: Kysely<Database>): Promise<Map<string, DepartmentLink>> {
  const rows = await db.selectFrom('departments').select(['id', 'parent_id']).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, parentId: r.parent_id }]));
}

/** The department and every department above it, nearest first. */
export async function departmentAncestry(db: Kysely<Database>, departmentId: string): Promise<string[]> {
  return ancestry(await departmentLinks(db), departmentId);
}

export function ancestry(links: ReadonlyMap<string, DepartmentLink>, departmentId: string): string[] {
  const out: string[] = [];
  for (
    let d: string | null = departmentId;
    d !== null && !out.includes(d);
    d = links.get(d)?.parentId ?? null
  )
    out.push(d);
  return out;
}

/** The department and every department below it. */
export async function departmentSubtree(db: Kysely<Database>, departmentId: string): Promise<string[]> {
  const links = await departmentLinks(db);
  const children = new Map<string, string[]>();
  for (const l of links.values())
    if (l.parentId !== null) children.set(l.parentId, [...(children.get(l.parentId) ?? []), l.id]);
  const out = [departmentId];
  for (let i = 0; i < out.length; i++) {
    for (const child of children.get(out[i] as string) ?? []) if (!out.includes(child)) out.push(child);
  }
  return out;
}

import type { Kysely } from 'kysely';
import { bumpCounter } from '../db/counters.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, Unprocessable } from '../runtime/errors.ts';
import { type LineProblems, MAX_REPORTING_DEPTH, refreshReportingLines } from './reporting-lines.ts';

/**
 * Serialises changes to the organisation: the `org_version` row is bumped first thing, so on PostgreSQL
 * a second writer waits for the first to commit and then derives reporting lines from what it wrote.
 */
export async function lockOrganisation(trx: Kysely<Database>): Promise<void> {
  await bumpCounter(trx, 'org_version');
}

export interface OrgWriteOptions {
  /** Where a problem with a user's reporting line is reported, e.g. `body.managerId`; default `users.<id>`. */
  linePath?: (userId: string) => string;
  /** How a user is named in those messages (an import names its rows' logins); default the id. */
  nameOf?: (userId: string) => string;
}

/**
 * One change to the organisation in one transaction: locked, then `work`, then the reporting lines
 * brought up to date. A change that puts someone above themselves, or more than MAX_REPORTING_DEPTH
 * heads above anyone, is rolled back with a 422; one that leaves no active administrator with a 409.
 */
export async function orgTransaction<T>(
  rt: Runtime,
  work: (trx: Kysely<Database>) => Promise<T>,
  options: OrgWriteOptions = {},
): Promise<T> {
  return rt.db.kysely.transaction().execute(async (trx) => {
    await lockOrganisation(trx);
    const out = await work(trx);
    refuseBadLines(await refreshReportingLines(trx), options);
    await keepAnAdministrator(trx);
    return out;
  });
}

function refuseBadLines(problems: LineProblems, options: OrgWriteOptions): void {
  const path = options.linePath ?? ((id: string) => `users.${id}`);
  const name = options.nameOf ?? ((id: string) => id);
  // In the order of the request (an import's rows), not of the generated ids.
  const inOrder = (ids: string[]) =>
    [...ids].sort(
      (a, b) => path(a).localeCompare(path(b), 'en', { numeric: true }) || name(a).localeCompare(name(b)),
    );
  const cycles = inOrder(problems.cycles);
  const tooDeep = inOrder(problems.tooDeep);
  if (cycles.length > 0)
    throw new Unprocessable(
      `heads would go round in a circle: ${cycles.map(name).join(', ')} would be above themselves`,
      cycles.map((id) => ({ path: path(id), message: `${name(id)} would be their own head` })),
      'MANAGER_CYCLE',
    );
  if (tooDeep.length > 0) {
    const names = tooDeep.map(name);
    const whom = `${names.slice(0, 5).join(', ')}${names.length > 5 ? ` and ${names.length - 5} more` : ''}`;
    throw new Unprocessable(
      `reporting lines would be longer than ${MAX_REPORTING_DEPTH} heads: ${whom}`,
      tooDeep.map((id) => ({
        path: path(id),
        message: `more than ${MAX_REPORTING_DEPTH} heads above ${name(id)}`,
      })),
      'REPORTING_LINE_TOO_LONG',
    );
  }
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

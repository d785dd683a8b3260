import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { can } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';
import { Forbidden, NotFound } from '../runtime/errors.ts';

/** The CRM's tables whose rows are led by someone: deals (and leads), contacts, companies. */
export type CrmTable = 'deals' | 'contacts' | 'companies';

/**
 * Who sees a deal, lead, contact or company: the person who leads it (`responsible_id`), the heads above
 * them, the holders of a role granted its kind (access.ts: every one, or a pipeline's deals or leads),
 * and `seeAllCrm`. Lists filter with it and single reads too, so what the caller may not see is a 404
 * exactly like what does not exist. Given the table and the alias its row goes by, the condition on it.
 */
export type LedBy = (table: CrmTable, alias: string) => Expression<SqlBool>;

/** `read` who sees an item; `write` who may change or delete it (a read grant does not). */
export type CrmMode = 'read' | 'write';

interface Grant {
  entity: string;
  pipeline_id: string;
}

/** The condition for the caller; null when they see (and change) every CRM item. */
export async function ledByCaller(
  db: Kysely<Database>,
  caller: Caller,
  mode: CrmMode = 'read',
): Promise<LedBy | null> {
  if (can(caller, 'seeAllCrm')) return null;
  const below = db.selectFrom('reporting_lines').select('user_id').where('head_id', '=', caller.userId);
  const [leadsSomeone, grants] = await Promise.all([
    below.limit(1).executeTakeFirst(),
    grantsOf(db, caller, mode),
  ]);
  return (table, alias) => {
    const responsible = sql.ref(`${alias}.responsible_id`);
    // Most people lead no one: for them plain equality, which lets a list walk an index of (…, person,
    // time) — a manager's board column among 100,000 deals is then read, not searched for.
    const own = leadsSomeone
      ? sql<SqlBool>`(${responsible} = ${caller.userId} or ${responsible} in (${below}))`
      : sql<SqlBool>`${responsible} = ${caller.userId}`;
    const granted = grantedRows(grants, table, alias);
    return granted ? sql<SqlBool>`(${own} or ${granted})` : own;
  };
}

/** The grants of the roles the caller holds that give `mode` (a write grant reads too). */
async function grantsOf(db: Kysely<Database>, caller: Caller, mode: CrmMode): Promise<Grant[]> {
  let q = db
    .selectFrom('crm_access_grants as g')
    .innerJoin('user_roles as r', 'r.role', 'g.role')
    .select(['g.entity', 'g.pipeline_id'])
    .where('r.user_id', '=', caller.userId);
  if (mode === 'write') q = q.where('g.access', '=', 'write');
  return q.distinct().execute();
}

const ENTITIES: Record<CrmTable, readonly string[]> = {
  deals: ['deal', 'lead'],
  contacts: ['contact'],
  companies: ['company'],
};

/** The rows of `table` the grants open, as SQL; undefined when they open none. */
function grantedRows(
  grants: readonly Grant[],
  table: CrmTable,
  alias: string,
): Expression<SqlBool> | undefined {
  const parts: Expression<SqlBool>[] = [];
  for (const entity of ENTITIES[table]) {
    const mine = grants.filter((g) => g.entity === entity);
    if (mine.length === 0) continue;
    if (table !== 'deals') return sql<SqlBool>`1 = 1`;
    const kind = sql<SqlBool>`${sql.ref(`${alias}.entity`)} = ${entity}`;
    if (mine.some((g) => g.pipeline_id === '')) parts.push(kind);
    else {
      const pipelines = mine.map((g) => g.pipeline_id);
      parts.push(sql<SqlBool>`(${kind} and ${sql.ref(`${alias}.pipeline_id`)} in (${sql.join(pipelines)}))`);
    }
  }
  return parts.length === 0 ? undefined : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * What `find` finds among the items the caller may change; 403 READ_ONLY for one they only see (a read
 * grant), 404 for one they do not see at all.
 */
export async function findWritable<T>(
  db: Kysely<Database>,
  caller: Caller,
  what: string,
  id: string,
  find: (ledBy: LedBy | null) => Promise<T | undefined>,
): Promise<T> {
  const found = await find(await ledByCaller(db, caller, 'write'));
  if (found !== undefined) return found;
  if ((await find(await ledByCaller(db, caller, 'read'))) !== undefined)
    throw new Forbidden(`you may read ${what} ${id} but not change it`, 'READ_ONLY');
  throw new NotFound(what, id);
}

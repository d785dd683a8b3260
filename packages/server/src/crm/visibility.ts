import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import { can } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import type { Database } from '../db/schema.ts';

/**
 * Who sees a deal, contact or company: the person who leads it (`responsible_id`), the heads above
 * them, and `seeAllCrm`. Lists filter with it and single reads too, so what the caller may not see is
 * a 404 exactly like what does not exist. Given the row's responsible column, the condition on it.
 */
export type LedBy = (responsibleColumn: string) => Expression<SqlBool>;

/** The condition for the caller; null when they see every CRM item. */
export async function ledByCaller(db: Kysely<Database>, caller: Caller): Promise<LedBy | null> {
  if (can(caller, 'seeAllCrm')) return null;
  const below = db.selectFrom('reporting_lines').select('user_id').where('head_id', '=', caller.userId);
  // Most people lead no one: for them plain equality, which lets a list walk an index of (…, person,
  // time) — a manager's board column among 100,000 deals is then read, not searched for.
  if (!(await below.limit(1).executeTakeFirst()))
    return (column) => sql<SqlBool>`${sql.ref(column)} = ${caller.userId}`;
  return (column) => {
    const responsible = sql.ref(column);
    return sql<SqlBool>`(${responsible} = ${caller.userId} or ${responsible} in (${below}))`;
  };
}

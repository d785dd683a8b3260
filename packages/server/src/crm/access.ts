import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { badReference } from './references.ts';

export const GRANT_ENTITIES = ['deal', 'lead', 'contact', 'company'] as const;
export type GrantEntity = (typeof GRANT_ENTITIES)[number];
export const GRANT_ACCESS = ['read', 'write'] as const;
export type GrantAccess = (typeof GRANT_ACCESS)[number];

export interface GrantInput {
  role: string;
  entity: GrantEntity;
  /** Deals or leads of this pipeline only; absent or null: every one. */
  pipelineId?: string | null | undefined;
  access: GrantAccess;
}

export interface GrantView {
  id: string;
  role: string;
  roleTitle: string;
  entity: GrantEntity;
  pipelineId: string | null;
  pipelineName: string | null;
  access: GrantAccess;
  createdAt: string;
}

/** Every grant, by role then kind; read and changed by those who manage the CRM. */
export async function listGrants(rt: Runtime, caller: Caller): Promise<GrantView[]> {
  demand(caller, 'manageCrm', 'reading CRM access');
  return grantRows(rt.db.kysely)
    .orderBy('g.role')
    .orderBy('g.entity')
    .orderBy('g.created_at')
    .execute()
    .then((rows) => rows.map(view));
}

const grantRows = (db: Kysely<Database>) =>
  db
    .selectFrom('crm_access_grants as g')
    .innerJoin('roles as r', 'r.name', 'g.role')
    .leftJoin('crm_pipelines as p', 'p.id', 'g.pipeline_id')
    .selectAll('g')
    .select(['r.title as role_title', 'p.name as pipeline_name']);
type Row = Awaited<ReturnType<ReturnType<typeof grantRows>['executeTakeFirstOrThrow']>>;

const view = (g: Row): GrantView => ({
  id: g.id,
  role: g.role,
  roleTitle: g.role_title,
  entity: g.entity as GrantEntity,
  pipelineId: g.pipeline_id === '' ? null : g.pipeline_id,
  pipelineName: g.pipeline_name ?? null,
  access: g.access as GrantAccess,
  createdAt: toIso(g.created_at),
});

async function getGrant(db: Kysely<Database>, id: string): Promise<GrantView> {
  const row = await grantRows(db).where('g.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFound('grant', id);
  return view(row);
}

/** The role exists; a pipeline, when named, is one of the entity's (deals' or leads'). */
async function checkGrant(db: Kysely<Database>, g: GrantInput): Promise<void> {
  const role = await db.selectFrom('roles').select('name').where('name', '=', g.role).executeTakeFirst();
  if (!role) throw badReference('body.role', `there is no role ${g.role}`);
  if (!g.pipelineId) return;
  if (g.entity !== 'deal' && g.entity !== 'lead')
    throw badReference('body.pipelineId', `${g.entity}s are not on pipelines; leave pipelineId out`);
  const pipeline = await db
    .selectFrom('crm_pipelines')
    .select('id')
    .where('id', '=', g.pipelineId)
    .where('entity', '=', g.entity)
    .executeTakeFirst();
  if (!pipeline) throw badReference('body.pipelineId', `there is no ${g.entity} pipeline ${g.pipelineId}`);
}

export async function createGrant(rt: Runtime, caller: Caller, input: GrantInput): Promise<GrantView> {
  demand(caller, 'manageCrm', 'changing CRM access');
  const db = rt.db.kysely;
  await checkGrant(db, input);
  const id = newRowId();
  try {
    await db
      .insertInto('crm_access_grants')
      .values({
        id,
        role: input.role,
        entity: input.entity,
        pipeline_id: input.pipelineId ?? '',
        access: input.access,
        created_at: rt.now(),
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new Conflict(
        `the role ${input.role} already has access to these ${input.entity}s; change that one`,
        'GRANT_EXISTS',
      );
    throw error;
  }
  return getGrant(db, id);
}

export async function updateGrant(
  rt: Runtime,
  caller: Caller,
  id: string,
  access: GrantAccess,
): Promise<GrantView> {
  demand(caller, 'manageCrm', 'changing CRM access');
  const changed = await rt.db.kysely
    .updateTable('crm_access_grants')
    .set({ access })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) === 0) throw new NotFound('grant', id);
  return getGrant(rt.db.kysely, id);
}

export async function deleteGrant(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing CRM access');
  const gone = await rt.db.kysely.deleteFrom('crm_access_grants').where('id', '=', id).executeTakeFirst();
  if (Number(gone.numDeletedRows) === 0) throw new NotFound('grant', id);
}

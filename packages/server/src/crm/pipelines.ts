import type { Kysely } from 'kysely';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { newRowId } from '../db/row-ids.ts';
import type { Database } from '../db/schema.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound, Unprocessable } from '../runtime/errors.ts';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
/** What moves along a pipeline: deals, or leads (requests not yet qualified). */
export const CRM_ENTITIES = ['deal', 'lead'] as const;
export type CrmEntity = (typeof CRM_ENTITIES)[number];
export type StageKind = (typeof STAGE_KINDS)[number];

export interface StageView {
  id: string;
  name: string;
  kind: StageKind;
  color: string;
}

export interface PipelineView {
  id: string;
  name: string;
  sort: number;
  entity: CrmEntity;
  stages: StageView[];
}

export interface StageInput {
  id?: string | undefined;
  name: string;
  kind: StageKind;
  color?: string | undefined;
}

export interface PipelineInput {
  name: string;
  /** On creation only (default `deal`). */
  entity?: CrmEntity | undefined;
  sort?: number | undefined;
  stages: StageInput[];
}

const DEFAULT_COLOR: Record<StageKind, string> = { open: '#228be6', won: '#40c057', lost: '#fa5252' };

/** Every pipeline (of `entity`, when given) with its stages, in order. */
export async function listPipelines(db: Kysely<Database>, entity?: CrmEntity): Promise<PipelineView[]> {
  let pipelinesQuery = db.selectFrom('crm_pipelines').selectAll().orderBy('sort').orderBy('name');
  if (entity !== undefined) pipelinesQuery = pipelinesQuery.where('entity', '=', entity);
  const [pipelines, stages] = await Promise.all([
    pipelinesQuery.execute(),
    db.selectFrom('crm_stages').selectAll().orderBy('pipeline_id').orderBy('sort').execute(),
  ]);
  return pipelines.map((p) => ({
    id: p.id,
    name: p.name,
    sort: p.sort,
    entity: p.entity as CrmEntity,
    stages: stages.filter((s) => s.pipeline_id === p.id).map(stageView),
  }));
}

/** 404 unless there is a pipeline `id` (what hangs on its stages is listed by it). */
export async function demandPipeline(db: Kysely<Database>, id: string): Promise<void> {
  const found = await db.selectFrom('crm_pipelines').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new NotFound('pipeline', id);
}

export async function getPipeline(db: Kysely<Database>, id: string): Promise<PipelineView> {
  const found = (await listPipelines(db)).find((p) => p.id === id);
  if (!found) throw new NotFound('pipeline', id);
  return found;
}

const stageView = (s: { id: string; name: string; kind: string; color: string }): StageView => ({
  id: s.id,
  name: s.name,
  kind: s.kind as StageKind,
  color: s.color,
});

/**
 * A pipeline's stages make sense: deals enter at the first, which is open; exactly one stage is "won"
 * and at least one "lost" (how a deal ends); names differ (a process moves a deal by a stage's name).
 */
function checkStages(stages: readonly StageInput[]): void {
  const errors: { path: string; message: string }[] = [];
  if (stages[0]?.kind !== 'open')
    errors.push({ path: 'body.stages.0.kind', message: 'the first stage, where deals enter, must be open' });
  const won = stages.filter((s) => s.kind === 'won').length;
  if (won !== 1) errors.push({ path: 'body.stages', message: `needs exactly one won stage (has ${won})` });
  if (!stages.some((s) => s.kind === 'lost'))
    errors.push({ path: 'body.stages', message: 'needs at least one lost stage' });
  const seen = new Set<string>();
  stages.forEach((s, i) => {
    const name = s.name.trim().toLowerCase();
    if (seen.has(name)) errors.push({ path: `body.stages.${i}.name`, message: `${s.name} is used twice` });
    seen.add(name);
  });
  if (errors.length > 0)
    throw new Unprocessable(
      `the stages do not make a pipeline: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
      errors,
      'INVALID_PIPELINE',
    );
}

export async function createPipeline(
  rt: Runtime,
  caller: Caller,
  input: PipelineInput,
): Promise<PipelineView> {
  demand(caller, 'manageCrm', 'changing pipelines');
  checkStages(input.stages);
  const id = newRowId();
  await rt.db.kysely.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('crm_pipelines')
      .select((eb) => eb.fn.max('sort').as('sort'))
      .executeTakeFirst();
    const sort = input.sort ?? Number(last?.sort ?? 0) + 1;
    await trx
      .insertInto('crm_pipelines')
      .values({ id, name: input.name, sort, entity: input.entity ?? 'deal' })
      .execute();
    await writeStages(trx, id, input.stages, new Set());
  });
  return getPipeline(rt.db.kysely, id);
}

/**
 * Keeps the stages with an id (renamed, moved), adds those without, removes the rest (and their robots)
 * unless deals are on them.
 */
export async function updatePipeline(
  rt: Runtime,
  caller: Caller,
  id: string,
  input: PipelineInput,
): Promise<PipelineView> {
  demand(caller, 'manageCrm', 'changing pipelines');
  checkStages(input.stages);
  await rt.db.kysely.transaction().execute(async (trx) => {
    const current = await getPipeline(trx, id);
    const kept = new Set(current.stages.map((s) => s.id));
    input.stages.forEach((s, i) => {
      if (s.id !== undefined && !kept.has(s.id))
        throw new Unprocessable(
          `body.stages.${i}.id: ${s.id} is not a stage of this pipeline`,
          [{ path: `body.stages.${i}.id`, message: `${s.id} is not a stage of this pipeline` }],
          'BAD_REFERENCE',
        );
    });
    const staying = new Set(input.stages.flatMap((s) => (s.id === undefined ? [] : [s.id])));
    const leaving = current.stages.filter((s) => !staying.has(s.id));
    for (const stage of leaving) {
      const deals = await countDeals(trx, 'stage_id', stage.id);
      if (deals > 0)
        throw new Conflict(
          `the stage ${stage.name} has ${deals} deal(s); move them before removing it`,
          'STAGE_IN_USE',
        );
    }
    if (leaving.length > 0) {
      const ids = leaving.map((s) => s.id);
      await trx
        .deleteFrom('crm_robots')
        .where((eb) => eb.or([eb('stage_id', 'in', ids), eb('target_stage_id', 'in', ids)]))
        .execute();
      await trx.deleteFrom('crm_triggers').where('stage_id', 'in', ids).execute();
      await trx.deleteFrom('crm_stages').where('id', 'in', ids).execute();
    }
    await trx
      .updateTable('crm_pipelines')
      .set({ name: input.name, ...(input.sort === undefined ? {} : { sort: input.sort }) })
      .where('id', '=', id)
      .execute();
    await writeStages(trx, id, input.stages, staying);
  });
  return getPipeline(rt.db.kysely, id);
}

async function writeStages(
  trx: Kysely<Database>,
  pipelineId: string,
  stages: readonly StageInput[],
  existing: ReadonlySet<string>,
): Promise<void> {
  for (const [sort, s] of stages.entries()) {
    const row = { name: s.name.trim(), kind: s.kind, color: s.color ?? DEFAULT_COLOR[s.kind], sort };
    if (s.id !== undefined && existing.has(s.id))
      await trx.updateTable('crm_stages').set(row).where('id', '=', s.id).execute();
    else
      await trx
        .insertInto('crm_stages')
        .values({ id: newRowId(), pipeline_id: pipelineId, ...row })
        .execute();
  }
}

const countDeals = async (db: Kysely<Database>, column: 'stage_id' | 'pipeline_id', id: string) =>
  Number(
    (
      await db
        .selectFrom('crm_deals')
        .select((eb) => eb.fn.countAll().as('n'))
        .where(column, '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function deletePipeline(rt: Runtime, caller: Caller, id: string): Promise<void> {
  demand(caller, 'manageCrm', 'changing pipelines');
  await rt.db.kysely.transaction().execute(async (trx) => {
    const pipeline = await getPipeline(trx, id);
    const deals = await countDeals(trx, 'pipeline_id', id);
    if (deals > 0)
      throw new Conflict(
        `the pipeline ${pipeline.name} has ${deals} deal(s); move or delete them first`,
        'PIPELINE_IN_USE',
      );
    await trx.deleteFrom('crm_robots').where('pipeline_id', '=', id).execute();
    await trx.deleteFrom('crm_triggers').where('pipeline_id', '=', id).execute();
    await trx.deleteFrom('crm_access_grants').where('pipeline_id', '=', id).execute();
    await trx.deleteFrom('crm_stages').where('pipeline_id', '=', id).execute();
    await trx.deleteFrom('crm_pipelines').where('id', '=', id).execute();
  });
}

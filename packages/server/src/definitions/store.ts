import { definitionSchema, type TemplateIcon } from '@baton/engine';
import type { Kysely } from 'kysely';
import { bumpCounter } from '../db/counters.ts';
import type { Database, DefinitionsTable } from '../db/schema.ts';
import { NotFound } from '../runtime/errors.ts';

/** The newest published version of a definition: what new instances start from. */
export async function latestPublished(db: Kysely<Database>, key: string): Promise<DefinitionsTable> {
  const row = await findLatestPublished(db, key);
  if (!row) throw new NotFound('published definition', key);
  return row;
}

export async function findLatestPublished(
  db: Kysely<Database>,
  key: string,
): Promise<DefinitionsTable | null> {
  const row = await db
    .selectFrom('definitions')
    .selectAll()
    .where('key', '=', key)
    .where('status', '=', 'published')
    .where('deleted_at', 'is', null)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

const versionRow = (db: Kysely<Database>, key: string, version: number) =>
  db.selectFrom('definitions').selectAll().where('key', '=', key).where('version', '=', version);

/** A stored version of a template that is not deleted, or null. */
export async function findVersion(
  db: Kysely<Database>,
  key: string,
  version: number,
): Promise<DefinitionsTable | null> {
  return (await versionRow(db, key, version).where('deleted_at', 'is', null).executeTakeFirst()) ?? null;
}

/** A published version as stored, deleted or not: the one an instance runs on. */
export async function findRunVersion(
  db: Kysely<Database>,
  key: string,
  version: number,
): Promise<DefinitionsTable | null> {
  return (await versionRow(db, key, version).where('status', '=', 'published').executeTakeFirst()) ?? null;
}

/** The highest version of a template, draft or published, or null when there is none (or it was deleted). */
export async function latestVersion(db: Kysely<Database>, key: string): Promise<DefinitionsTable | null> {
  const row = await highestVersion(db, key);
  return row && row.deleted_at === null ? row : null;
}

/** The highest version ever stored under a key, deleted or not: versions are never reused. */
async function highestVersion(db: Kysely<Database>, key: string): Promise<DefinitionsTable | null> {
  const row = await db
    .selectFrom('definitions')
    .selectAll()
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export type DefinitionSummaryRow = Pick<
  DefinitionsTable,
  'key' | 'version' | 'status' | 'name' | 'created_at' | 'sort' | 'icon' | 'labels' | 'document_type'
> & {
  published_version: number | null;
  /** The highest published version's name and catalogue settings (null when none is published). */
  published: Pick<DefinitionsTable, 'name' | 'sort' | 'icon' | 'labels' | 'document_type'> | null;
};

/** Every template that is not deleted with its highest version (and the highest published one), by key. */
export async function listLatest(db: Kysely<Database>): Promise<DefinitionSummaryRow[]> {
  const rows = await db
    .selectFrom('definitions as d')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('definitions')
          .where('deleted_at', 'is', null)
          .select((s) => [
            'key',
            s.fn.max('version').as('latest'),
            s.fn
              .max(s.case().when('status', '=', 'published').then(s.ref('version')).else(null).end())
              .as('published'),
          ])
          .groupBy('key')
          .as('m'),
      (join) => join.onRef('m.key', '=', 'd.key').onRef('m.latest', '=', 'd.version'),
    )
    .leftJoin('definitions as p', (join) =>
      join.onRef('p.key', '=', 'd.key').onRef('p.version', '=', 'm.published'),
    )
    .select([
      'd.key',
      'd.version',
      'd.status',
      'd.name',
      'd.created_at',
      'd.sort',
      'd.icon',
      'd.labels',
      'd.document_type',
      'm.published',
      'p.name as published_name',
      'p.sort as published_sort',
      'p.icon as published_icon',
      'p.labels as published_labels',
      'p.document_type as published_document_type',
    ])
    .orderBy('d.key')
    .execute();
  return rows.map(
    ({
      published,
      published_name,
      published_sort,
      published_icon,
      published_labels,
      published_document_type,
      ...r
    }) => ({
      ...r,
      published_version: published === null ? null : Number(published),
      published:
        published_name === null
          ? null
          : {
              name: published_name,
              sort: published_sort,
              icon: published_icon,
              labels: published_labels ?? '[]',
              document_type: published_document_type,
            },
    }),
  );
}

export interface DraftInput {
  key: string;
  name: string;
  /** The definition JSON; its `key` and `version` are set to the row's. */
  definition: Record<string, unknown>;
  bpmn: string | null;
  createdBy: string | null;
  now: number;
  /** Only a new key: nothing is saved (null) when the key has any version, or gets one meanwhile. */
  createOnly?: boolean;
}

/**
 * Creates or replaces the draft of a key: the version after the newest published or deleted one.
 * Replacing is last-writer-wins; a draft published or deleted meanwhile is never overwritten (the next
 * version is used instead).
 */
export async function saveDraft(
  db: Kysely<Database>,
  input: DraftInput & { createOnly: true },
): Promise<number | null>;
export async function saveDraft(
  db: Kysely<Database>,
  input: DraftInput & { createOnly?: false },
): Promise<number>;
export async function saveDraft(db: Kysely<Database>, input: DraftInput): Promise<number | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const latest = await highestVersion(db, input.key);
    if (input.createOnly && latest !== null) return null;
    const replaces = latest?.status === 'draft' && latest.deleted_at === null;
    const version = latest === null ? 1 : replaces ? latest.version : latest.version + 1;
    const json = JSON.stringify({ ...input.definition, key: input.key, version });
    const catalogue = catalogueOf(input.definition);
    const result = await db
      .insertInto('definitions')
      .values({
        key: input.key,
        version,
        status: 'draft',
        name: input.name,
        json,
        bpmn: input.bpmn,
        created_by: input.createdBy,
        created_at: input.now,
        published_at: null,
        ...catalogue,
      })
      .onConflict((oc) =>
        input.createOnly
          ? oc.columns(['key', 'version']).doNothing()
          : oc
              .columns(['key', 'version'])
              .doUpdateSet({
                name: input.name,
                json,
                bpmn: input.bpmn,
                created_by: input.createdBy,
                created_at: input.now,
                ...catalogue,
              })
              .where('definitions.status', '=', 'draft')
              .where('definitions.deleted_at', 'is', null),
      )
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return version;
    if (input.createOnly) return null;
  }
  throw new Error(`could not save a draft of ${input.key}: versions kept changing`);
}

/** A definition's catalogue settings as the model accepts them; null for absent or invalid ones. */
export function catalogueOf(definition: Record<string, unknown>): {
  sort: number | null;
  icon: TemplateIcon | null;
  labels: string;
  document_type: string | null;
} {
  const sort = definitionSchema.shape.sort.safeParse(definition.sort);
  const icon = definitionSchema.shape.icon.safeParse(definition.icon);
  const labels = definitionSchema.shape.labels.safeParse(definition.labels);
  const documentType = definitionSchema.shape.documentType.safeParse(definition.documentType);
  return {
    sort: sort.data ?? null,
    icon: icon.data ?? null,
    labels: JSON.stringify(labels.data ?? []),
    document_type: documentType.data ?? null,
  };
}

/** Turns a draft into a published version; false when it is no longer a draft. */
export async function markPublished(
  db: Kysely<Database>,
  key: string,
  version: number,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('definitions')
      .set({ status: 'published', published_at: now })
      .where('key', '=', key)
      .where('version', '=', version)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    // Every process drops the newest version it cached for starts.
    await bumpCounter(trx, 'definitions_version');
    return Number(result.numUpdatedRows) === 1;
  });
}

/** Marks every version of a template deleted; false when there was nothing left to delete. */
export async function markDeleted(
  db: Kysely<Database>,
  key: string,
  by: string,
  now: number,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('definitions')
      .set({ deleted_at: now, deleted_by: by })
      .where('key', '=', key)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    await bumpCounter(trx, 'definitions_version');
    return Number(result.numUpdatedRows) > 0;
  });
}

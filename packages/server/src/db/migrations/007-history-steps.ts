import { type Kysely, sql } from 'kysely';

/**
 * History is stored a step at a time: one row per step holding that step's events as a JSON array
 * (`history_steps`), where it was one row per event (`history`). A linear10 start wrote 27 rows into
 * three B-trees whose keys repeat the instance id; it now writes one, which more than halved SQLite's
 * own work for a start. The row's `seq` is its first event's number in the instance; `at` the step's
 * time, indexed as before. Existing rows are carried over (consecutive events of an instance at one
 * moment become one row) and the old table dropped.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('history_steps')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('history_steps_pk', ['instance_id', 'seq'])
    .execute();
  await db.schema.createIndex('history_steps_at').on('history_steps').columns(['at']).execute();
  await copyEvents(db);
  await db.schema.dropTable('history').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('history')
    .addColumn('instance_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text')
    .addColumn('token_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('actor', 'text')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('data', 'text')
    .addPrimaryKeyConstraint('history_pk', ['instance_id', 'seq'])
    .execute();
  await db.schema.createIndex('history_at').on('history').columns(['at']).execute();
  await copySteps(db);
  await db.schema.dropTable('history_steps').execute();
}

/** Old rows read and new rows written per round trip. */
const BATCH = 2000;

interface EventRow {
  instance_id: string;
  seq: number;
  type: string;
  node_id: string | null;
  token_id: string | null;
  task_id: string | null;
  actor: string | null;
  at: number | string;
  data: string | null;
}

interface StepRow {
  instance_id: string;
  seq: number;
  at: number;
  events: Record<string, unknown>[];
}

async function copyEvents(db: Kysely<unknown>): Promise<void> {
  let after: { instance_id: string; seq: number } | null = null;
  let open: StepRow | null = null;
  for (;;) {
    const { rows }: { rows: EventRow[] } = await sql<EventRow>`
      select * from history
      ${after ? sql`where (instance_id, seq) > (${after.instance_id}, ${after.seq})` : sql.raw('')}
      order by instance_id, seq limit ${BATCH}`.execute(db);
    const done: StepRow[] = [];
    for (const r of rows) {
      const at = Number(r.at);
      if (open && open.instance_id === r.instance_id && open.at === at) open.events.push(eventOf(r, at));
      else {
        if (open) done.push(open);
        open = { instance_id: r.instance_id, seq: Number(r.seq), at, events: [eventOf(r, at)] };
      }
    }
    const last = rows.at(-1);
    if (!last) break;
    after = { instance_id: last.instance_id, seq: Number(last.seq) };
    await insertSteps(db, done);
  }
  if (open) await insertSteps(db, [open]);
}

/** An old row as the engine's event (what the API returned for it). */
function eventOf(r: EventRow, at: number): Record<string, unknown> {
  return {
    type: r.type,
    at,
    ...(r.node_id === null ? {} : { nodeId: r.node_id }),
    ...(r.token_id === null ? {} : { tokenId: r.token_id }),
    ...(r.task_id === null
      ? {}
      : r.type.startsWith('timer.')
        ? { timerId: r.task_id }
        : { taskId: r.task_id }),
    ...(r.actor === null ? {} : { actor: r.actor }),
    ...(r.data === null ? {} : { data: JSON.parse(r.data) }),
  };
}

async function insertSteps(db: Kysely<unknown>, steps: readonly StepRow[]): Promise<void> {
  if (steps.length === 0) return;
  const values = steps.map((s) => sql`(${s.instance_id}, ${s.seq}, ${s.at}, ${JSON.stringify(s.events)})`);
  await sql`insert into history_steps (instance_id, seq, at, events) values ${sql.join(values)}`.execute(db);
}

async function copySteps(db: Kysely<unknown>): Promise<void> {
  let after: { instance_id: string; seq: number } | null = null;
  for (;;) {
    const { rows }: { rows: { instance_id: string; seq: number; events: string }[] } = await sql<{
      instance_id: string;
      seq: number;
      events: string;
    }>`
      select instance_id, seq, events from history_steps
      ${after ? sql`where (instance_id, seq) > (${after.instance_id}, ${after.seq})` : sql.raw('')}
      order by instance_id, seq limit ${BATCH}`.execute(db);
    const last = rows.at(-1);
    if (!last) return;
    after = { instance_id: last.instance_id, seq: Number(last.seq) };
    const values = rows.flatMap((r) =>
      (JSON.parse(r.events) as Record<string, unknown>[]).map((e, i) => {
        const { type, at, nodeId, tokenId, taskId, timerId, actor, data } = e;
        return sql`(${r.instance_id}, ${Number(r.seq) + i}, ${type}, ${nodeId ?? null}, ${tokenId ?? null},
          ${taskId ?? timerId ?? null}, ${actor ?? null}, ${at}, ${data === undefined ? null : JSON.stringify(data)})`;
      }),
    );
    for (let i = 0; i < values.length; i += BATCH / 4)
      await sql`insert into history (instance_id, seq, type, node_id, token_id, task_id, actor, at, data)
        values ${sql.join(values.slice(i, i + BATCH / 4))}`.execute(db);
  }
}

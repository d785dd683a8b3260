import { can } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { DEFAULT_PAGE_SIZE, decodeCursor, type Page, toPage } from '../db/page.ts';
import { seenInstanceIds } from '../instances/service.ts';
import type { Runtime } from '../runtime/context.ts';
import { toIso } from '../util/time.ts';

export interface FeedPostView {
  id: string;
  title: string;
  text: string;
  /** Everyone reads it, or only the people it was addressed to. */
  everyone: boolean;
  instanceId: string | null;
  /** The process that posted it, when the reader may open it (else null). */
  definitionKey: string | null;
  startedBy: string | null;
  nodeId: string;
  createdAt: string;
}

/**
 * The caller's feed, newest first: posts to everyone and those addressed to them; those who see all
 * work (administrators, process administrators, the owner) read every post.
 */
export async function listFeed(
  rt: Runtime,
  caller: Caller,
  f: { cursor?: string | undefined; limit?: number | undefined },
): Promise<Page<FeedPostView>> {
  const db = rt.db.kysely;
  const limit = f.limit ?? DEFAULT_PAGE_SIZE;
  let q = db
    .selectFrom('feed_posts as p')
    .leftJoin('instances as i', 'i.id', 'p.instance_id')
    .select([
      'p.id',
      'p.title',
      'p.text',
      'p.everyone',
      'p.instance_id',
      'p.node_id',
      'p.created_at',
      'i.definition_key',
      'i.started_by',
    ]);
  if (!can(caller, 'seeAllWork'))
    q = q.where((eb) =>
      eb.or([
        eb('p.everyone', '=', 1),
        eb(
          'p.id',
          'in',
          db
            .selectFrom('feed_readers')
            .select('feed_readers.post_id')
            .where('feed_readers.user_id', '=', caller.userId),
        ),
      ]),
    );
  if (f.cursor !== undefined) {
    const [at, id] = decodeCursor<[number, string]>(f.cursor, ['number', 'string']);
    q = q.where((eb) =>
      eb.or([eb('p.created_at', '<', at), eb.and([eb('p.created_at', '=', at), eb('p.id', '<', id)])]),
    );
  }
  const rows = await q
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(limit + 1)
    .execute();
  const ids = [...new Set(rows.flatMap((r) => (r.instance_id === null ? [] : [r.instance_id])))];
  const seen = await seenInstanceIds(rt, caller, ids);
  return toPage(
    rows,
    limit,
    (r) => ({
      id: r.id,
      title: r.title,
      text: r.text,
      everyone: r.everyone === 1,
      instanceId: r.instance_id !== null && seen.has(r.instance_id) ? r.instance_id : null,
      definitionKey: r.definition_key,
      startedBy: r.started_by,
      nodeId: r.node_id,
      createdAt: toIso(r.created_at),
    }),
    (r) => [r.created_at, r.id],
  );
}

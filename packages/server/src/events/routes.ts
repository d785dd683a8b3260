import type { FastifyPluginAsync } from 'fastify';
import type { Runtime } from '../runtime/context.ts';
import type { UserEvent } from './user-events.ts';

/** A comment line every so often keeps proxies and browsers from closing an idle stream. */
export const HEARTBEAT_MS = 15_000;

/**
 * Streams one user may hold open at once. A browser tab holds one; each holds a socket and a file
 * descriptor, so a client opening thousands would leave the server none to accept or read with.
 */
export const MAX_STREAMS_PER_USER = 16;

class TooManyStreams extends Error {
  readonly statusCode = 429;
  readonly code = 'TOO_MANY_STREAMS';
  readonly retryAfterSeconds = 60;
  constructor() {
    super(
      `at most ${MAX_STREAMS_PER_USER} event streams per user are open at once; close a tab (the others still get every event)`,
    );
  }
}

/**
 * `GET /events`: the signed-in user's Server-Sent Events stream — `task.created` when a task is assigned
 * to them, `notification` when they are notified — each sent after the change committed, from any
 * process (db.events). Opens with a `: connected` comment (subscribed from then on), a `: heartbeat`
 * comment every 15 s. Closing the server ends every stream first, so shutdown never waits on one.
 */
export const eventRoutes: FastifyPluginAsync<{ rt: Runtime; heartbeatMs?: number }> = async (
  app,
  { rt, heartbeatMs = HEARTBEAT_MS },
) => {
  const open = new Set<() => void>();
  const streamsOf = new Map<string, number>();
  app.addHook('preClose', async () => {
    for (const close of open) close();
  });

  app.get(
    '/events',
    {
      config: { access: 'signedIn' },
      schema: {
        tags: ['events'],
        summary: 'My live events (Server-Sent Events): task.created, notification',
        description:
          'text/event-stream. `event: task.created` with `data: {"id","title","instanceId"}` when a task is ' +
          'assigned to me (created, delegated or moved to me); `event: notification` with `data: {"id","text",' +
          '"instanceId","createdAt"}`. A comment line `: heartbeat` every 15 s. Sent only after the change ' +
          'committed; events while disconnected are not replayed (list /tasks and /notifications on reconnect). ' +
          `A user holds at most ${MAX_STREAMS_PER_USER} streams at once: one more is 429 \`TOO_MANY_STREAMS\`.`,
      },
    },
    async (request, reply) => {
      const { userId } = request.caller;
      const held = streamsOf.get(userId) ?? 0;
      if (held >= MAX_STREAMS_PER_USER) throw new TooManyStreams();
      streamsOf.set(userId, held + 1);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (e: UserEvent) => res.write(`event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`);
      const unsubscribe = rt.db.events.subscribe(request.caller.userId, send);
      const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
      const close = () => {
        if (!open.delete(close)) return;
        const left = (streamsOf.get(userId) ?? 1) - 1;
        if (left > 0) streamsOf.set(userId, left);
        else streamsOf.delete(userId);
        clearInterval(heartbeat);
        unsubscribe();
        res.end();
      };
      open.add(close);
      request.raw.on('close', close);
      res.on('error', close);
      res.write('retry: 5000\n: connected\n\n');
    },
  );
};

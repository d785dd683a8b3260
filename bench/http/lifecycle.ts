import type { Answer } from '@baton/engine';
import type { BenchProcess } from '../processes.ts';
import { type Call, type Clients, call } from './load.ts';
import type { BatonServer } from './server.ts';

interface OpenTask {
  id: string;
  instanceId: string;
  nodeId: string;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Lifecycles {
  seconds: number;
  starts: number[];
  completions: number[];
}

/** Creates the process as a draft and publishes it, as a designer would through the API. */
export async function publish(server: BatonServer, p: BenchProcess): Promise<void> {
  await call(server, { method: 'PUT', path: `/api/v1/definitions/${p.name}/draft`, body: p.baton });
  await call(server, { method: 'POST', path: `/api/v1/definitions/${p.name}/publish` });
}

/**
 * Runs `count` instances to their end over HTTP: all starts (`POST /api/v1/instances`), then rounds of
 * listing the open tasks (`GET /api/v1/tasks?status=open`) and completing all of them
 * (`POST /api/v1/tasks/{id}/complete`) until none is left. Starts and completions go through
 * `clients`; their response times are returned. Checks that every instance completed with the
 * expected number of tasks.
 */
export async function lifecycles(
  server: BatonServer,
  clients: Clients,
  p: BenchProcess,
  count: number,
): Promise<Lifecycles> {
  const started = performance.now();
  const start: Call = { method: 'POST', path: '/api/v1/instances', body: { definitionKey: p.name } };
  const starts = await clients.fire(Array.from({ length: count }, () => start));
  const ids = new Set(starts.bodies.map((b) => (JSON.parse(b) as { id: string }).id));
  const used = new Map<string, number>();
  const completions: number[] = [];
  let completed = 0;
  for (let open = await openTasks(server, p, ids); open.length > 0; open = await openTasks(server, p, ids)) {
    const round = await clients.fire(
      open.map((t) => ({
        method: 'POST' as const,
        path: `/api/v1/tasks/${encodeURIComponent(t.id)}/complete`,
        body: { variables: answerFor(p.answers, used, t) },
      })),
    );
    completions.push(...round.latencies);
    completed += open.length;
  }
  const seconds = (performance.now() - started) / 1000;
  if (completed !== count * p.userTasks)
    throw new Error(`http ${p.name}: ${completed} tasks completed, expected ${count * p.userTasks}`);
  const running = await call<Page<unknown>>(server, {
    method: 'GET',
    path: `/api/v1/instances?definitionKey=${p.name}&status=running&limit=1`,
  });
  if (running.items.length > 0) throw new Error(`http ${p.name}: instances still running`);
  return { seconds, starts: starts.latencies, completions };
}

/** The open tasks of these instances, page by page (the listing is not part of the load). */
async function openTasks(server: BatonServer, p: BenchProcess, ids: Set<string>): Promise<OpenTask[]> {
  const open: OpenTask[] = [];
  let cursor: string | null = null;
  do {
    const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: Page<OpenTask> = await call(server, {
      method: 'GET',
      path: `/api/v1/tasks?status=open&definitionKey=${p.name}&limit=200${after}`,
    });
    for (const t of page.items) if (ids.has(t.instanceId)) open.push(t);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return open;
}

/** The n-th answer for an instance's n-th task of a node, as in the in-memory harness. */
function answerFor(answers: Record<string, Answer[]>, used: Map<string, number>, task: OpenTask) {
  const key = `${task.instanceId}/${task.nodeId}`;
  const n = used.get(key) ?? 0;
  used.set(key, n + 1);
  const { $after: _after, $outcome: _outcome, ...variables } = answers[task.nodeId]?.[n] ?? {};
  return variables;
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Call, Clients } from './http/load.ts';
import { startServer } from './http/server.ts';
import { round, timed } from './http/timing.ts';

/**
 * `npm run bench:lists [-- --instances N] [-- --database postgres://…]`: task and instance lists over a year of a 160-person company. Fills a
 * fresh SQLite database through the real server's REST API — 160 employees in 10 departments, N
 * instances (default 25,000: 100,000 tasks) of three four-task processes, one in 25 left open at a
 * task — then times each list the web app asks for (and the process report on one template): sequential requests, the median of five. The
 * server answers one request at a time, so a list's time is how long everyone else waits behind it.
 * One JSON line per list, with its budget where the list must not grow with the history.
 */
const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '25000' },
    /** An empty PostgreSQL database to fill instead of a fresh SQLite file. */
    database: { type: 'string' },
  },
});
const instances = Number(values.instances);
if (!Number.isInteger(instances) || instances < 25)
  throw new Error(`--instances must be a whole number ≥ 25 (got ${values.instances})`);

const DEPARTMENTS = 10;
const USERS = 160;
const STEPS = 4;
const KEYS = ['purchase', 'contract', 'vacation'];

/** The lists, and the milliseconds each may take however many tasks there are (null: grows with them). */
const LISTS: { name: string; path: string; budgetMs: number | null }[] = [
  { name: 'owner: open tasks with counts', path: '/api/v1/tasks?scope=all&status=open', budgetMs: 50 },
  { name: 'owner: overdue', path: '/api/v1/tasks?scope=all&status=open&overdue=true', budgetMs: 50 },
  { name: 'owner: one employee, open', path: '/api/v1/tasks?scope=all&status=open&userId=u5', budgetMs: 50 },
  { name: 'open tasks', path: '/api/v1/tasks?status=open', budgetMs: 20 },
  { name: 'every task (no filter)', path: '/api/v1/tasks', budgetMs: null },
  { name: 'owner: every status with counts', path: '/api/v1/tasks?scope=all', budgetMs: null },
  {
    name: 'owner: one department, every status',
    path: '/api/v1/tasks?scope=all&departmentId=d3',
    budgetMs: null,
  },
  { name: 'running instances', path: '/api/v1/instances?status=running', budgetMs: 20 },
  { name: 'every instance (no filter)', path: '/api/v1/instances', budgetMs: null },
  { name: 'report: one template, 90 days', path: '/api/v1/reports/processes/purchase', budgetMs: null },
  { name: 'report: its tasks as CSV', path: '/api/v1/reports/processes/purchase/tasks.csv', budgetMs: null },
];

const dir = await mkdtemp(join(tmpdir(), 'baton-lists-'));
const server = await startServer(values.database ?? `sqlite:${join(dir, 'baton.db')}`);
try {
  const clients = new Clients(server, 64);
  const tasks = await fill(clients);
  for (const list of LISTS) {
    const ms = await timed(server, list.path);
    const line = { bench: 'lists', list: list.name, path: list.path, instances, tasks, p50Ms: round(ms) };
    const verdict =
      list.budgetMs === null ? {} : { budgetMs: list.budgetMs, withinBudget: ms <= list.budgetMs };
    console.log(JSON.stringify({ ...line, ...verdict }));
  }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The organisation, the processes and their instances; returns how many tasks were created. */
async function fill(clients: Clients): Promise<number> {
  const once = (calls: Call[]) => clients.fire(calls);
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) => `d${i}`);
  await once([{ method: 'POST', path: '/api/v1/departments', body: { id: 'company', name: 'Company' } }]);
  await once(
    departments.map((id) => ({
      method: 'POST',
      path: '/api/v1/departments',
      body: { id, name: id, parentId: 'company' },
    })),
  );
  await once(
    Array.from({ length: USERS }, (_, i) => ({
      method: 'POST' as const,
      path: '/api/v1/users',
      body: {
        id: `u${i}`,
        login: `u${i}`,
        name: `Employee ${i}`,
        departmentId: departments[i % DEPARTMENTS],
      },
    })),
  );
  for (const key of KEYS) {
    await once([{ method: 'PUT', path: `/api/v1/definitions/${key}/draft`, body: fourTasks(key) }]);
    await once([{ method: 'POST', path: `/api/v1/definitions/${key}/publish`, body: {} }]);
  }
  const started = await once(
    Array.from({ length: instances }, (_, i) => ({
      method: 'POST' as const,
      path: '/api/v1/instances',
      body: { definitionKey: KEYS[i % KEYS.length], params: { who: `u${(i * 7919) % USERS}` } },
    })),
  );
  // One instance in 25 stops at its first, second, third or fourth task; the rest run to the end.
  const ids = started.bodies.map((b) => (JSON.parse(b) as { id: string }).id);
  const stopsAt = (i: number) => (i % 25 === 0 ? (i / 25) % STEPS : STEPS);
  for (let step = 0; step < STEPS; step++) {
    const going = ids.filter((_, i) => stopsAt(i) > step);
    const open = await once(
      going.map((id) => ({ method: 'GET', path: `/api/v1/tasks?instanceId=${id}&status=open` })),
    );
    await once(
      open.bodies.map((b) => {
        const [task] = (JSON.parse(b) as { items: { id: string }[] }).items;
        return { method: 'POST', path: `/api/v1/tasks/${task?.id}/complete`, body: { variables: {} } };
      }),
    );
  }
  return ids.reduce((sum, _, i) => sum + Math.min(stopsAt(i) + 1, STEPS), 0);
}

/** A process of four tasks for the employee named at start, the first due in a second, the third in 30 days. */
function fourTasks(key: string) {
  const task = (id: string, deadline?: string) => ({
    id,
    type: 'userTask',
    name: `${key}: ${id}`,
    config: { kind: 'review', assignees: ['who'], ...(deadline ? { deadline } : {}) },
  });
  const nodes = [
    { id: 'start', type: 'start' },
    task('a', 'PT1S'),
    task('b'),
    task('c', 'P30D'),
    task('d'),
    { id: 'end', type: 'end' },
  ];
  return {
    key,
    name: key,
    parameters: [{ id: 'who', type: 'string', required: true }],
    nodes,
    flows: nodes.slice(1).map((n, i) => ({ id: `f${i}`, source: nodes[i]?.id, target: n.id })),
  };
}

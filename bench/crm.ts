import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type Call, Clients } from './http/load.ts';
import { type BatonServer, startServer } from './http/server.ts';
import { round, timed } from './http/timing.ts';

/**
 * `npm run bench:crm [-- --deals N] [-- --database postgres://…]`: the CRM's lists over a sales
 * department's years. Fills a fresh SQLite database through the real server's REST API — 160
 * employees in 10 departments (each with a head), one pipeline of six stages, N deals (default 50,000)
 * led by everyone in turn, a supplier's price list of P products (default 20,000, one CSV import, timed) —
 * then times what the deals board, the catalogue and the sales report ask for, as the administrator, a
 * head of department and a manager: sequential requests, the median of five. One JSON line per list,
 * with its budget where the list must not grow with the number of deals or products.
 */
const { values } = parseArgs({
  options: {
    deals: { type: 'string', default: '50000' },
    products: { type: 'string', default: '20000' },
    database: { type: 'string' },
  },
});
const deals = Number(values.deals);
if (!Number.isInteger(deals) || deals < 100)
  throw new Error(`--deals must be a whole number ≥ 100 (got ${values.deals})`);
const products = Number(values.products);
if (!Number.isInteger(products) || products < 1)
  throw new Error(`--products must be a whole number ≥ 1 (got ${values.products})`);

const DEPARTMENTS = 10;
const USERS = 160;
const PASSWORD = 'bench password 160';
const STAGES = [
  { name: 'New', kind: 'open' },
  { name: 'Qualified', kind: 'open' },
  { name: 'Quote sent', kind: 'open' },
  { name: 'Contract', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
];

const dir = await mkdtemp(join(tmpdir(), 'baton-crm-'));
const server = await startServer(values.database ?? `sqlite:${join(dir, 'baton.db')}`);
try {
  const clients = new Clients(server, 64);
  const { pipelineId, stageIds } = await fill(clients);
  await importPrices(server);
  const readers = {
    administrator: server.headers,
    'head of a department': await session(server, 'u0'),
    manager: await session(server, 'u17'),
  };
  const column = `/api/v1/crm/deals?pipelineId=${pipelineId}&stageId=${stageIds[2]}&limit=20`;
  const lists = [
    { name: 'board column', path: column, budgetMs: 20 },
    {
      name: 'board column, second page',
      path: `${column}&cursor=${await secondPage(server, column)}`,
      budgetMs: 20,
    },
    { name: 'board sums', path: `/api/v1/crm/pipelines/${pipelineId}/summary`, budgetMs: null },
    {
      name: 'search by title',
      path: '/api/v1/crm/deals?q=%D0%B1%D0%B5%D1%82%D0%BE%D0%BD%2012',
      budgetMs: null,
    },
    { name: 'one deal', path: null, budgetMs: 10 },
    { name: 'catalogue, first page', path: '/api/v1/crm/products?limit=50', budgetMs: 20 },
    {
      name: 'catalogue search',
      path: `/api/v1/crm/products?q=${encodeURIComponent('профиль 12')}&limit=50`,
      budgetMs: null,
    },
    { name: 'sales report (90 days)', path: '/api/v1/crm/reports/sales', budgetMs: null },
  ];
  for (const [reader, headers] of Object.entries(readers))
    for (const list of lists) {
      const path = list.path ?? `/api/v1/crm/deals/${await firstDealOf(server, headers)}`;
      const ms = await timed(server, path, headers);
      const line = { bench: 'crm', list: list.name, reader, path, deals, p50Ms: round(ms) };
      const verdict =
        list.budgetMs === null ? {} : { budgetMs: list.budgetMs, withinBudget: ms <= list.budgetMs };
      console.log(JSON.stringify({ ...line, ...verdict }));
    }
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}

/** The organisation, the pipeline and the deals. */
async function fill(clients: Clients): Promise<{ pipelineId: string; stageIds: string[] }> {
  const once = (calls: Call[]) => clients.fire(calls);
  const departments = Array.from({ length: DEPARTMENTS }, (_, i) => `d${i}`);
  await once(
    departments.map((id) => ({ method: 'POST', path: '/api/v1/departments', body: { id, name: id } })),
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
        ...(i === 0 || i === 17 ? { password: PASSWORD } : {}),
      },
    })),
  );
  await once(
    departments.map((id, i) => ({
      method: 'PATCH',
      path: `/api/v1/departments/${id}`,
      body: { headId: `u${i}` },
    })),
  );
  const made = await once([
    { method: 'POST', path: '/api/v1/crm/pipelines', body: { name: 'Sales', stages: STAGES } },
  ]);
  const pipeline = JSON.parse(made.bodies[0] as string) as { id: string; stages: { id: string }[] };
  const stageIds = pipeline.stages.map((s) => s.id);
  await once(
    Array.from({ length: deals }, (_, i) => ({
      method: 'POST' as const,
      path: '/api/v1/crm/deals',
      body: {
        title: `Бетон ${i}`,
        pipelineId: pipeline.id,
        stageId: stageIds[(i * 7) % stageIds.length],
        amount: 1000 + (i % 997) * 10,
        responsibleId: `u${(i * 31) % USERS}`,
      },
    })),
  );
  return { pipelineId: pipeline.id, stageIds };
}

/** A supplier's price list of `products` articles, loaded in one CSV import (timed). */
async function importPrices(server: BatonServer): Promise<void> {
  const json = { ...server.headers, 'content-type': 'application/json' };
  const made = await fetch(`${server.url}/api/v1/crm/price-lists`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name: 'Кнауф', email: 'prices@knauf.example' }),
  });
  const { id } = (await made.json()) as { id: string };
  const rows = Array.from({ length: products }, (_, i) => `P-${i},Профиль ${i},m,${100 + (i % 500)}.50`);
  const started = performance.now();
  const res = await fetch(`${server.url}/api/v1/crm/price-lists/${id}/import`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': 'text/csv' },
    body: `sku,name,unit,price\n${rows.join('\n')}\n`,
  });
  if (!res.ok) throw new Error(`price list import: ${res.status} ${await res.text()}`);
  const ms = performance.now() - started;
  console.log(JSON.stringify({ bench: 'crm', list: 'price list import', products, ms: round(ms) }));
}

/** A signed-in employee's cookie. */
async function session(server: BatonServer, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie };
}

async function secondPage(server: BatonServer, path: string): Promise<string> {
  const res = await fetch(`${server.url}${path}`, { headers: server.headers });
  return ((await res.json()) as { nextCursor: string }).nextCursor;
}

async function firstDealOf(server: BatonServer, headers: Record<string, string>): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/crm/deals?limit=1`, { headers });
  return ((await res.json()) as { items: { id: string }[] }).items[0]?.id as string;
}

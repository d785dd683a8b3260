import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, expect, it } from 'vitest';
import { type Api, apiSuite } from './api-harness.ts';
import { createDepartment, createUser } from './support/people.ts';

const MINUTE = 60_000;

/** One task for `doer`, due in an hour. */
const chore = {
  key: 'chore',
  name: 'Chore',
  parameters: [{ id: 'doer', type: 'string', required: true }],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'do',
      type: 'userTask',
      name: 'Do it',
      config: {
        kind: 'acknowledge',
        assignees: ['doer'],
        deadline: 'PT1H',
      },
    },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'do' },
    { id: 'f2', source: 'do', target: 'end' },
  ],
};

interface Listed {
  id: string;
  status: string;
}

/**
 * Lists newest first (open ones through their index, migration 009): open tasks, finished ones and every task,
 * page by page, with the company's counts — ann and bob in Sales, kim in Logistics; ten chores a minute
 * apart, two at the same instant (the id breaks the tie), some completed.
 */
apiSuite('task lists: order, pages and counts', (api, dialect) => {
  const made: { id: string; doer: string; at: number }[] = [];

  beforeAll(async () => {
    const a = api();
    await createDepartment(a, { id: 'sales', name: 'Sales' });
    await createDepartment(a, { id: 'logistics', name: 'Logistics' });
    for (const [id, departmentId] of [
      ['ann', 'sales'],
      ['bob', 'sales'],
      ['kim', 'logistics'],
    ] as const)
      await createUser(a, { id, departmentId });
    await a.publish(chore);
    const doers = ['ann', 'bob', 'kim', 'ann', 'kim', 'bob', 'ann', 'kim', 'ann', 'bob'];
    for (const [i, doer] of doers.entries()) {
      if (i !== 5) a.clock.now += MINUTE;
      const id = await a.start('chore', { doer });
      const [task] = await a.openTasks(id);
      made.push({ id: task?.id as string, doer, at: a.clock.now });
    }
    // ann's first and bob's first (0, 1), and kim's second (4), are done.
    for (const i of [0, 1, 4]) {
      const res = await a.call('POST', `/api/v1/tasks/${made[i]?.id}/complete`, { variables: {} });
      expect(res.statusCode, res.body).toBe(200);
    }
    a.clock.now += 2 * 60 * MINUTE; // every open chore is now overdue
  });

  const newestFirst = (which: (i: number) => boolean) =>
    made
      .map((m, i) => ({ ...m, i }))
      .filter((m) => which(m.i))
      .sort((x, y) => y.at - x.at || (y.id < x.id ? -1 : 1))
      .map((m) => m.id);
  const done = (i: number) => [0, 1, 4].includes(i);

  /** Every page of a list, three at a time, following the cursor. */
  const allPages = async (query: string): Promise<Listed[]> => {
    const items: Listed[] = [];
    let cursor: string | null = null;
    do {
      const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await api().call('GET', `/api/v1/tasks?${query}&limit=3${after}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json() as { items: Listed[]; nextCursor: string | null };
      items.push(...page.items);
      expect(items.length, 'a cursor that never ends').toBeLessThanOrEqual(made.length);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };

  it('pages through open, completed and all tasks newest first, ties broken by id', async () => {
    const open = await allPages('status=open');
    expect(open.map((t) => t.id)).toEqual(newestFirst((i) => !done(i)));
    expect(new Set(open.map((t) => t.status))).toEqual(new Set(['open']));
    const completed = await allPages('status=completed');
    expect(completed.map((t) => t.id)).toEqual(newestFirst(done));
    expect((await allPages('scope=all')).map((t) => t.id)).toEqual(newestFirst(() => true));
    expect((await allPages('scope=all&overdue=true')).map((t) => t.id)).toEqual(newestFirst((i) => !done(i)));
  });

  it("counts each employee's and each department's open tasks, and the overdue among them", async () => {
    const res = await api().call('GET', '/api/v1/tasks?scope=all&status=open');
    expect(res.json().counts).toEqual({
      total: { tasks: 7, overdue: 7 },
      byEmployee: [
        { userId: 'ann', name: 'ann', departmentId: 'sales', tasks: 3, overdue: 3 },
        { userId: 'bob', name: 'bob', departmentId: 'sales', tasks: 2, overdue: 2 },
        { userId: 'kim', name: 'kim', departmentId: 'logistics', tasks: 2, overdue: 2 },
      ],
      byDepartment: [
        { departmentId: 'sales', name: 'Sales', tasks: 5, overdue: 5 },
        { departmentId: 'logistics', name: 'Logistics', tasks: 2, overdue: 2 },
      ],
    });
  });

  it('counts finished tasks too when the list is of every status, overdue only among the open', async () => {
    const res = await api().call('GET', '/api/v1/tasks?scope=all');
    expect(res.json().counts).toEqual({
      total: { tasks: 10, overdue: 7 },
      byEmployee: [
        { userId: 'ann', name: 'ann', departmentId: 'sales', tasks: 4, overdue: 3 },
        { userId: 'bob', name: 'bob', departmentId: 'sales', tasks: 3, overdue: 2 },
        { userId: 'kim', name: 'kim', departmentId: 'logistics', tasks: 3, overdue: 2 },
      ],
      byDepartment: [
        { departmentId: 'sales', name: 'Sales', tasks: 7, overdue: 5 },
        { departmentId: 'logistics', name: 'Logistics', tasks: 3, overdue: 2 },
      ],
    });
    const kim = await api().call('GET', '/api/v1/tasks?scope=all&userId=kim&status=completed');
    expect(kim.json().counts.total).toEqual({ tasks: 1, overdue: 0 });
    expect(kim.json().items.map((t: Listed) => t.id)).toEqual([made[4]?.id]);
  });

  if (dialect === 'sqlite')
    it('reads a page of open tasks through their index in its order, and counts only the open tasks', async () => {
      const plans = await plansOf(api(), '/api/v1/tasks?scope=all&status=open');
      expect(plans.map((p) => p.sql.slice(0, 14))).toEqual([
        'select "tasks"', // the page
        'select count(*', // the total
        'select "users"', // per employee
        'select "users"', // per department
      ]);
      // Every statement over tasks starts from the open ones: no whole-table scan, no sort of them all
      // (only the page's own rows are sorted, at the top level, once read by id).
      for (const { sql, plan } of plans) {
        expect(plan, sql).not.toMatch(/SCAN (tasks|task_assignees)(?! USING (COVERING )?INDEX tasks_open)/);
        expect(plan, sql).not.toMatch(/^ +USE TEMP B-TREE FOR ORDER BY/m);
      }
      for (const query of ['scope=all&status=open', 'status=open', 'scope=all&status=open&overdue=true']) {
        const [page] = await plansOf(api(), `/api/v1/tasks?${query}`);
        expect(page?.plan, query).toMatch(/^ +SCAN tasks USING (COVERING )?INDEX tasks_open$/m);
      }
      // Lists no index orders (finished tasks, every task) sort the selected ids, then read the page's rows.
      for (const query of ['scope=all', 'status=completed']) {
        const [page] = await plansOf(api(), `/api/v1/tasks?${query}`);
        expect(page?.plan, query).toMatch(/^SEARCH tasks USING INDEX sqlite_autoindex_tasks_1 \(id=\?\)$/m);
        expect(page?.plan, query).toMatch(/^ +SCAN tasks$/m);
      }
    });
});

interface PlanRow {
  id: number;
  parent: number;
  detail: string;
}

/** One line per step of a plan, indented by how deep in subqueries it runs. */
function indented(rows: PlanRow[]): string {
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + (r.parent === 0 ? 0 : 1);
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

/** The plans SQLite makes for the statements over tasks one GET runs, with the values they were given. */
async function plansOf(api: Api, url: string): Promise<{ sql: string; plan: string }[]> {
  const seen: { sql: string; params: unknown[] }[] = [];
  const statement = Object.getPrototypeOf(new BetterSqlite3(':memory:').prepare('select 1'));
  const all = statement.all;
  statement.all = function (this: BetterSqlite3.Statement, ...params: unknown[]) {
    if (/from "tasks"/.test(this.source)) seen.push({ sql: this.source, params });
    return all.apply(this, params);
  };
  try {
    const res = await api.call('GET', url);
    expect(res.statusCode, res.body).toBe(200);
  } finally {
    statement.all = all;
  }
  const file = new BetterSqlite3(api.baton.rt.db.description.slice('sqlite:'.length), { readonly: true });
  try {
    return seen.map(({ sql, params }) => ({
      sql,
      plan: indented(file.prepare(`explain query plan ${sql}`).all(...params) as PlanRow[]),
    }));
  } finally {
    file.close();
  }
}

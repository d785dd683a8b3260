import { beforeAll, expect, it } from 'vitest';
import { updateDocumentHandler } from '../src/crm/update-document.ts';
import { addListRecordHandler } from '../src/lists/record-jobs.ts';
import { apiSuite } from './api-harness.ts';
import { itemProcess } from './support/crm.ts';
import { jobOf, runDueJobs } from './support/jobs.ts';
import { addPeople } from './support/org.ts';
import { asUser } from './support/people.ts';

/** The contracts register as a lawyer keeps it. */
const CONTRACTS = {
  key: 'contracts',
  name: 'Договоры',
  description: 'Реестр договоров с поставщиками',
  fields: [
    { key: 'number', label: 'Номер', type: 'string', required: true },
    { key: 'kind', label: 'Вид', type: 'select', options: ['поставка', 'услуги'] },
    { key: 'amount', label: 'Сумма', type: 'number' },
    { key: 'signedOn', label: 'Подписан', type: 'date' },
    { key: 'approved', label: 'Согласован', type: 'boolean' },
    { key: 'lawyer', label: 'Юрист', type: 'user' },
  ],
  rights: { read: ['department:sales', 'role:lawyer'], write: ['role:lawyer'] },
};

/** Approval of a contract record: its lawyer acknowledges, then the record is marked approved. */
const approval = itemProcess('contract-approval', 'list:contracts', [
  {
    id: 'review',
    type: 'userTask',
    config: { kind: 'acknowledge', assignees: ['document.lawyer'], title: 'Договор {{ document.number }}' },
  },
  { id: 'mark', type: 'setFields', config: { fields: { approved: 'true', title: "document.title + ' ✓'" } } },
]);

/** A purchase that registers its contract in the list. */
const purchase = itemProcess('purchase', '', [
  {
    id: 'register',
    type: 'addListRecord',
    config: {
      list: 'contracts',
      title: 'Поставка от {{ supplier }}',
      values: { number: "'П-' + string(number)", kind: 'kind', amount: 'amount' },
    },
  },
]);

apiSuite('lists and their records', (api) => {
  let listId = '';
  const olga = asUser(() => api().app, 'olga'); // the lawyer
  const ivan = asUser(() => api().app, 'ivan'); // sales: reads
  const petr = asUser(() => api().app, 'petr'); // elsewhere: nothing

  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      roles: ['lawyer'],
      departments: [{ id: 'sales', head: 'ivan' }, { id: 'workshop' }],
      users: [
        { id: 'olga', departmentId: 'workshop', canSignIn: true, roles: ['lawyer'] },
        { id: 'ivan', departmentId: 'sales', canSignIn: true },
        { id: 'petr', departmentId: 'workshop', canSignIn: true },
      ],
    });
    await a.publish(approval);
    await a.publish({
      ...purchase,
      documentType: undefined,
      parameters: [
        { id: 'supplier', type: 'string' },
        { id: 'number', type: 'number' },
        { id: 'kind', type: 'string' },
        { id: 'amount', type: 'number' },
      ],
    });
    const res = await a.call('POST', '/api/v1/lists', CONTRACTS);
    expect(res.statusCode, res.body).toBe(201);
    listId = res.json().id;
  });

  const add = async (call: typeof olga, body: Record<string, unknown>) => {
    const res = await call('POST', `/api/v1/lists/${listId}/records`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; title: string };
  };

  it('shows a list to whom its rights name, with what each may do', async () => {
    const mine = (await olga('GET', '/api/v1/lists')).json().items;
    expect(mine).toMatchObject([
      { key: 'contracts', name: 'Договоры', canWrite: true, canManage: false, recordCount: 0 },
    ]);
    expect(mine[0].fields[1]).toEqual({
      key: 'kind',
      label: 'Вид',
      type: 'select',
      options: ['поставка', 'услуги'],
      required: false,
    });
    expect((await ivan('GET', '/api/v1/lists/contracts')).json()).toMatchObject({ canWrite: false });
    expect((await petr('GET', '/api/v1/lists')).json().items).toEqual([]);
    expect((await petr('GET', `/api/v1/lists/${listId}`)).statusCode).toBe(404);
    expect((await petr('GET', `/api/v1/lists/${listId}/records`)).statusCode).toBe(404);
    // Only process administrators set lists up.
    expect((await olga('PUT', `/api/v1/lists/${listId}`, CONTRACTS)).statusCode).toBe(403);
    expect((await olga('POST', '/api/v1/lists', { ...CONTRACTS, key: 'mine' })).statusCode).toBe(403);
    expect((await olga('DELETE', `/api/v1/lists/${listId}`)).statusCode).toBe(403);
  });

  it('refuses a list that does not fit, naming each problem', async () => {
    const a = api();
    const bad = await a.call('POST', '/api/v1/lists', {
      ...CONTRACTS,
      key: 'cars',
      fields: [
        { key: 'plate', label: 'Plate', type: 'string' },
        { key: 'plate', label: 'Again', type: 'string' },
        { key: 'title', label: 'Title', type: 'string' },
        { key: 'fuel', label: 'Fuel', type: 'select' },
      ],
      rights: { read: ['user:nobody'], write: ['role:'] },
      processKey: 'no-such-template',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([
      { path: 'body.fields.1.key', message: 'plate is used twice' },
      { path: 'body.fields.3.options', message: 'a list needs its options' },
      { path: 'body.fields.2.key', message: "title is a record's own name" },
      { path: 'body.processKey', message: 'there is no published template no-such-template' },
    ]);
    const subjects = await a.call('POST', '/api/v1/lists', {
      ...CONTRACTS,
      key: 'cars',
      rights: { read: ['user:nobody'], write: ['role:'] },
    });
    expect(subjects.json().errors).toEqual([
      {
        path: 'body.rights.write.0',
        message: 'everyone, user:<id>, role:<name>, department:<id> or group:<name>',
      },
      { path: 'body.rights.read.0', message: 'no user nobody' },
    ]);
    const reserved = await a.call('POST', '/api/v1/lists', { ...CONTRACTS, key: 'new' });
    expect(reserved.json().errors).toEqual([
      { path: 'body.key', message: "new is the web app's address for a new list" },
    ]);
    const taken = await a.call('POST', '/api/v1/lists', CONTRACTS);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([
      { path: 'body.key', message: 'contracts is taken by another list' },
    ]);
    const shape = await a.call('POST', '/api/v1/lists', { key: 'a b', name: '', fields: [{ key: '1x' }] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['body.key', 'body.name', 'body.fields.0.key', 'body.fields.0.label']),
    );
  });

  it('keeps records its writers add and change, checked against its fields', async () => {
    const record = await add(olga, {
      title: 'ООО Кирпичный завод',
      values: { number: 'Д-17', kind: 'поставка', amount: 1_250_000, signedOn: '2026-11-20' },
    });
    expect(record).toMatchObject({ version: 1, createdBy: 'olga', editable: true });
    const wrong = await olga('POST', `/api/v1/lists/${listId}/records`, {
      title: 'x',
      values: { kind: 'аренда', amount: 'много', colour: 'red', lawyer: 'nobody' },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors).toEqual([
      { path: 'body.values.colour', message: 'the list Договоры has no field colour' },
      { path: 'body.values.number', message: 'Номер must be filled' },
      { path: 'body.values.kind', message: 'Вид must be one of поставка, услуги' },
      { path: 'body.values.amount', message: 'Сумма must be a number' },
      { path: 'body.values.lawyer', message: 'Юрист: there is no active employee nobody' },
    ]);
    // Sales read, and change nothing.
    const read = await ivan('GET', `/api/v1/list-records/${record.id}`);
    expect(read.json()).toMatchObject({ title: 'ООО Кирпичный завод', editable: false });
    expect((await ivan('PATCH', `/api/v1/list-records/${record.id}`, { title: 'x' })).json().code).toBe(
      'READ_ONLY',
    );
    expect((await ivan('POST', `/api/v1/lists/${listId}/records`, { title: 'x' })).statusCode).toBe(403);
    expect((await petr('GET', `/api/v1/list-records/${record.id}`)).statusCode).toBe(404);

    const changed = await olga('PATCH', `/api/v1/list-records/${record.id}`, {
      values: { number: 'Д-17', amount: 1_300_000 },
      version: 1,
    });
    expect(changed.json()).toMatchObject({ version: 2, values: { number: 'Д-17', amount: 1_300_000 } });
    const stale = await olga('PATCH', `/api/v1/list-records/${record.id}`, { title: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    // Two people saving version 2 at the same moment: one of them is told to reload.
    const race = await Promise.all(
      ['Кирпичный завод', 'ООО Кирпичный завод №1'].map((title) =>
        olga('PATCH', `/api/v1/list-records/${record.id}`, { title, version: 2 }),
      ),
    );
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('finds records by title or value in any letter case, newest first, a page at a time', async () => {
    const a = api();
    for (const n of [1, 2, 3]) {
      a.clock.now += 1000;
      await add(olga, { title: `Цемент ${n}`, values: { number: `ЦМ-${n}` } });
    }
    const found = (await ivan('GET', `/api/v1/lists/${listId}/records?q=цЕмЕнТ&limit=2`)).json();
    expect(found.items.map((r: { title: string }) => r.title)).toEqual(['Цемент 3', 'Цемент 2']);
    const next = (
      await ivan('GET', `/api/v1/lists/${listId}/records?q=цемент&limit=2&cursor=${found.nextCursor}`)
    ).json();
    expect(next).toMatchObject({ items: [{ title: 'Цемент 1' }], nextCursor: null });
    const byValue = (await ivan('GET', `/api/v1/lists/${listId}/records?q=цм-2`)).json().items;
    expect(byValue.map((r: { title: string }) => r.title)).toEqual(['Цемент 2']);
    // The lists page counts every record, the list's own page too.
    const all = (await ivan('GET', `/api/v1/lists/${listId}/records?limit=100`)).json().items.length;
    expect(all).toBeGreaterThanOrEqual(3);
    expect((await ivan('GET', '/api/v1/lists')).json().items[0].recordCount).toBe(all);
    expect((await ivan('GET', '/api/v1/lists/contracts')).json().recordCount).toBe(all);
  });

  it('runs a process about a record: it reads the record and writes back', async () => {
    const a = api();
    const record = await add(olga, {
      title: 'Аренда склада',
      values: { number: 'А-3', kind: 'услуги', lawyer: 'olga' },
    });
    const ref = `record:${record.id}`;
    const started = await olga('POST', '/api/v1/instances', {
      definitionKey: approval.key,
      documentRef: ref,
    });
    expect(started.statusCode, started.body).toBe(201);
    const [task] = await a.openTasks(started.json().id);
    expect((await olga('GET', `/api/v1/tasks/${task?.id}`)).json()).toMatchObject({
      assignees: ['olga'],
      title: 'Договор А-3',
    });
    await olga('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    expect(await runDueJobs(a.baton.rt)).toContain('updateDocument');
    const after = (await olga('GET', `/api/v1/list-records/${record.id}`)).json();
    expect(after).toMatchObject({
      title: 'Аренда склада ✓',
      values: { number: 'А-3', kind: 'услуги', lawyer: 'olga', approved: true },
      updatedBy: `process:${started.json().id}`,
    });
    // One the starter does not see is no document.
    const hidden = await petr('POST', '/api/v1/instances', { definitionKey: approval.key, documentRef: ref });
    expect(hidden.statusCode).toBe(422);
    expect(hidden.json().errors).toEqual([
      { path: 'body.documentRef', message: `there is no list record ${record.id}` },
    ]);
    const offered = (
      await olga('GET', '/api/v1/definitions?published=true&documentType=list:contracts')
    ).json();
    expect(offered.items.map((d: { key: string }) => d.key)).toEqual([approval.key]);
  });

  it('starts the list’s template about each new record, once', async () => {
    const a = api();
    const withProcess = await a.call('PUT', `/api/v1/lists/${listId}`, {
      ...CONTRACTS,
      processKey: approval.key,
    });
    expect(withProcess.json().processKey).toBe(approval.key);
    try {
      const record = await add(olga, { title: 'Охрана', values: { number: 'О-1', lawyer: 'olga' } });
      expect(await runDueJobs(a.baton.rt)).toEqual(['listRecordProcess']);
      expect(await runDueJobs(a.baton.rt)).toEqual([]);
      const started = (
        await olga('GET', `/api/v1/instances?documentRef=${encodeURIComponent(`record:${record.id}`)}`)
      ).json().items;
      expect(started).toMatchObject([{ definitionKey: approval.key, startedBy: 'olga', status: 'running' }]);
    } finally {
      await a.call('PUT', `/api/v1/lists/${listId}`, CONTRACTS);
    }
  });

  it('takes records a process adds, once, and fails one its fields do not take, naming why', async () => {
    const a = api();
    const id = (
      await a.call('POST', '/api/v1/instances', {
        definitionKey: purchase.key,
        params: { supplier: 'ООО Песок', number: 7, kind: 'поставка', amount: 48_000 },
      })
    ).json().id;
    const job = await jobOf(a.baton.rt, id, 'addListRecord');
    await addListRecordHandler.run(a.baton.rt, job, async () => undefined);
    await addListRecordHandler.run(a.baton.rt, job, async () => undefined); // a repeat adds none
    const found = (await olga('GET', `/api/v1/lists/${listId}/records?q=песок`)).json().items;
    expect(found).toMatchObject([
      {
        title: 'Поставка от ООО Песок',
        values: { number: 'П-7', kind: 'поставка', amount: 48_000 },
        createdBy: `process:${id}`,
      },
    ]);
    const failing = (
      await a.call('POST', '/api/v1/instances', {
        definitionKey: purchase.key,
        params: { supplier: 'x', number: 8, kind: 'аренда', amount: 1 },
      })
    ).json().id;
    const bad = await jobOf(a.baton.rt, failing, 'addListRecord');
    await expect(addListRecordHandler.run(a.baton.rt, bad, async () => undefined)).rejects.toThrow(
      'addListRecord at register: Вид must be one of поставка, услуги',
    );
  });

  it('fails a write-back the record cannot take, and one to a deleted list', async () => {
    const a = api();
    const record = await add(olga, { title: 'Временный', values: { number: 'В-1', lawyer: 'olga' } });
    const id = (
      await olga('POST', '/api/v1/instances', {
        definitionKey: approval.key,
        documentRef: `record:${record.id}`,
      })
    ).json().id;
    const temp = await a.call('POST', '/api/v1/lists', { ...CONTRACTS, key: 'temp', name: 'Temp' });
    const other = await a.call('POST', `/api/v1/lists/${temp.json().id}/records`, {
      title: 'Gone',
      values: { number: '1' },
    });
    expect((await a.call('DELETE', `/api/v1/lists/${temp.json().id}`)).statusCode).toBe(204);
    expect((await a.call('GET', `/api/v1/list-records/${other.json().id}`)).statusCode).toBe(404);
    expect((await olga('DELETE', `/api/v1/list-records/${record.id}`)).statusCode).toBe(204);
    const [task] = await a.openTasks(id);
    await olga('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    const job = await jobOf(a.baton.rt, id, 'updateDocument');
    await expect(updateDocumentHandler.run(a.baton.rt, job, async () => undefined)).rejects.toThrow(
      `fields at mark: the list record ${record.id} no longer exists`,
    );
  });

  it('is closed to a token without the lists scopes', async () => {
    const a = api();
    const token = await a.call('POST', '/api/v1/auth/tokens', { name: 'crm only', scopes: ['crm:read'] });
    expect(token.statusCode, token.body).toBe(201);
    const res = await a.app.inject({
      method: 'GET',
      url: '/api/v1/lists',
      headers: { authorization: `Bearer ${token.json().token}` },
    });
    expect(res.statusCode).toBe(403);
  });
});

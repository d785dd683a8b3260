import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, namesOf, type PipelineBody } from './support/crm.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/** Sales: Olga heads it; Ivan and Pavel sell; Zoya is in another department. */
const org = {
  roles: ['sales'],
  departments: [{ id: 'sales', head: 'olga' }, { id: 'office' }],
  users: [
    { id: 'olga', departmentId: 'sales', canSignIn: true },
    { id: 'ivan', departmentId: 'sales', canSignIn: true },
    { id: 'pavel', departmentId: 'sales', canSignIn: true },
    { id: 'zoya', departmentId: 'office', canSignIn: true },
    { id: 'pa', departmentId: 'office', roles: ['processAdministrator'], canSignIn: true },
  ],
};

apiSuite('the CRM', (api) => {
  let sales: PipelineBody;
  let people: Record<'olga' | 'ivan' | 'pavel' | 'zoya' | 'pa', Session>;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, org);
    people = {
      olga: await signIn(a.app, 'olga'),
      ivan: await signIn(a.app, 'ivan'),
      pavel: await signIn(a.app, 'pavel'),
      zoya: await signIn(a.app, 'zoya'),
      pa: await signIn(a.app, 'pa'),
    };
    sales = await createPipeline(people.pa.call);
  });
  const stage = (name: string) => sales.stages.find((s) => s.name === name)?.id as string;

  it('keeps pipelines in order with their stages, for everyone to read and process administrators to change', async () => {
    expect(sales.stages.map((s) => [s.name, s.kind, s.color])).toEqual([
      ['New', 'open', '#228be6'],
      ['Quote sent', 'open', '#228be6'],
      ['Won', 'won', '#40c057'],
      ['Lost', 'lost', '#fa5252'],
    ]);
    const other = await createPipeline(api().call, 'Wholesale');
    const list = await people.ivan.call('GET', '/api/v1/crm/pipelines');
    expect(list.json().items.map((p: PipelineBody) => p.name)).toEqual(['Sales', 'Wholesale']);

    const refused = await people.ivan.call('POST', '/api/v1/crm/pipelines', { name: 'Mine', stages: [] });
    expect(refused.statusCode).toBe(400); // the body is checked first
    const forbidden = await people.ivan.call('DELETE', `/api/v1/crm/pipelines/${other.id}`);
    expect(forbidden.statusCode, forbidden.body).toBe(403);

    // Renamed, a stage moved and recoloured, one added, one removed.
    const [n, q, w, l] = other.stages as [PipelineBody['stages'][0], ...PipelineBody['stages']];
    const put = await api().call('PUT', `/api/v1/crm/pipelines/${other.id}`, {
      name: 'Wholesale deals',
      stages: [
        { id: q?.id, name: 'Offer', kind: 'open', color: '#ffaa00' },
        { id: n.id, name: 'New', kind: 'open' },
        { name: 'Contract', kind: 'open' },
        { id: w?.id, name: 'Won', kind: 'won' },
        { name: 'Refused', kind: 'lost' },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      put.json().stages.map((s: { id: string; name: string; color: string }) => [s.name, s.color]),
    ).toEqual([
      ['Offer', '#ffaa00'],
      ['New', '#228be6'],
      ['Contract', '#228be6'],
      ['Won', '#40c057'],
      ['Refused', '#fa5252'],
    ]);
    expect(put.json().stages[0].id).toBe(q?.id);
    expect(put.json().stages.map((s: { id: string }) => s.id)).not.toContain(l?.id);

    expect((await api().call('DELETE', `/api/v1/crm/pipelines/${other.id}`)).statusCode).toBe(204);
    expect((await api().call('GET', '/api/v1/crm/pipelines')).json().items).toHaveLength(1);
  });

  it('refuses stages that do not make a pipeline, naming each problem', async () => {
    const res = await api().call('POST', '/api/v1/crm/pipelines', {
      name: 'Broken',
      stages: [
        { name: 'Won', kind: 'won' },
        { name: 'won', kind: 'won' },
      ],
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('INVALID_PIPELINE');
    expect(res.json().errors).toEqual([
      { path: 'body.stages.0.kind', message: 'the first stage, where deals enter, must be open' },
      { path: 'body.stages', message: 'needs exactly one won stage (has 2)' },
      { path: 'body.stages', message: 'needs at least one lost stage' },
      { path: 'body.stages.1.name', message: 'won is used twice' },
    ]);
    const unknown = await api().call('POST', '/api/v1/crm/pipelines', {
      name: 'X',
      stages: [{ name: 'New', kind: 'open', colour: 'red' }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(JSON.stringify(unknown.json().errors)).toContain('colour');
    expect((await api().call('GET', '/api/v1/crm/pipelines')).json().items).toHaveLength(1);
  });

  it('creates a deal at the first stage, moves it, and keeps where it has been', async () => {
    const a = api();
    const company = await created(people.ivan.call, 'companies', {
      name: 'ООО Ромашка',
      taxId: '7701234567',
    });
    const contact = await created(people.ivan.call, 'contacts', {
      name: 'Анна Петрова',
      phone: '+7 900 000-00-00',
      companyId: company.id,
    });
    const deal = await created(people.ivan.call, 'deals', {
      title: 'Поставка бетона',
      pipelineId: sales.id,
      amount: 1_250_000.5,
      contactId: contact.id,
      companyId: company.id,
      fields: { region: 'Казань', floors: 9, urgent: true },
    });
    expect(deal).toMatchObject({
      stageId: stage('New'),
      stageName: 'New',
      stageKind: 'open',
      amount: 1_250_000.5,
      currency: 'RUB',
      contactName: 'Анна Петрова',
      companyName: 'ООО Ромашка',
      responsibleId: 'ivan',
      responsibleName: 'ivan',
      createdBy: 'ivan',
      version: 1,
      closedAt: null,
      fields: { region: 'Казань', floors: 9, urgent: true },
    });

    a.clock.now += 60_000;
    const moved = await people.ivan.call('PATCH', `/api/v1/crm/deals/${deal.id}`, {
      stageId: stage('Quote sent'),
      version: 1,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stageName: 'Quote sent', version: 2, closedAt: null });
    a.clock.now += 60_000;
    const won = await people.ivan.call('PATCH', `/api/v1/crm/deals/${deal.id}`, { stageId: stage('Won') });
    expect(won.json().closedAt).toBe(new Date(a.clock.now).toISOString());

    const detail = (await people.ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(detail.stages.map((s: { stageName: string; by: string }) => [s.stageName, s.by])).toEqual([
      ['New', 'ivan'],
      ['Quote sent', 'ivan'],
      ['Won', 'ivan'],
    ]);
    // A stale version is a conflict, not a silent overwrite.
    const stale = await people.ivan.call('PATCH', `/api/v1/crm/deals/${deal.id}`, {
      title: 'Other',
      version: 2,
    });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    // The stage is in use now: it cannot be removed.
    const removing = await a.call('PUT', `/api/v1/crm/pipelines/${sales.id}`, {
      name: 'Sales',
      stages: sales.stages.filter((s) => s.name !== 'Won').concat([{ name: 'Done', kind: 'won' } as never]),
    });
    expect(removing.statusCode, removing.body).toBe(409);
    expect(removing.json()).toMatchObject({ code: 'STAGE_IN_USE', detail: expect.stringContaining('Won') });
    const deleting = await a.call('DELETE', `/api/v1/crm/pipelines/${sales.id}`);
    expect(deleting.json()).toMatchObject({ code: 'PIPELINE_IN_USE' });
  });

  it('lets one of two people moving the same deal at once win, the other told of the conflict', async () => {
    const deal = await created<{ id: string }>(people.ivan.call, 'deals', {
      title: 'Race',
      pipelineId: sales.id,
    });
    const url = `/api/v1/crm/deals/${deal.id}`;
    const answers = await Promise.all([
      people.ivan.call('PATCH', url, { stageId: stage('Quote sent'), version: 1 }),
      people.olga.call('PATCH', url, { stageId: stage('Lost'), version: 1 }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const after = (await people.ivan.call('GET', url)).json();
    expect(after.version).toBe(2);
    expect(after.stages).toHaveLength(2);
    expect(after.stageId).toBe(answers.find((r) => r.statusCode === 200)?.json().stageId);
  });

  it('finds deals by title in any letter case, filters them and pages newest first', async () => {
    const a = api();
    for (const title of ['Окна для школы', 'ОКНА в офис', 'Двери', '100% скидка']) {
      a.clock.now += 1000;
      await created(people.pavel.call, 'deals', { title, pipelineId: sales.id, amount: 10 });
    }
    expect(await namesOf(people.pavel.call, `/api/v1/crm/deals?q=${encodeURIComponent('окна')}`)).toEqual([
      'ОКНА в офис',
      'Окна для школы',
    ]);
    expect(await namesOf(people.pavel.call, `/api/v1/crm/deals?q=${encodeURIComponent('0%')}`)).toEqual([
      '100% скидка',
    ]);
    const first = (await people.pavel.call('GET', '/api/v1/crm/deals?limit=3')).json();
    expect(first.items.map((d: { title: string }) => d.title)).toEqual([
      '100% скидка',
      'Двери',
      'ОКНА в офис',
    ]);
    const next = await namesOf(people.pavel.call, `/api/v1/crm/deals?limit=3&cursor=${first.nextCursor}`);
    expect(next).toEqual(['Окна для школы']);
    expect(
      await namesOf(
        people.pavel.call,
        `/api/v1/crm/deals?stageId=${stage('Quote sent')}&pipelineId=${sales.id}`,
      ),
    ).toEqual([]);
  });

  it('shows a deal to the one who leads it, the heads above them and those who see all, and to nobody else', async () => {
    const deal = await created(people.ivan.call, 'deals', { title: 'Secret', pipelineId: sales.id });
    const url = `/api/v1/crm/deals/${deal.id}`;
    for (const who of ['ivan', 'olga', 'pa'] as const)
      expect((await people[who].call('GET', url)).statusCode, who).toBe(200);
    expect((await api().call('GET', url)).statusCode).toBe(200); // the administrator
    for (const who of ['pavel', 'zoya'] as const) {
      expect((await people[who].call('GET', url)).statusCode, who).toBe(404);
      expect((await people[who].call('PATCH', url, { title: 'Mine' })).statusCode, who).toBe(404);
      expect((await people[who].call('DELETE', url)).statusCode, who).toBe(404);
      expect(await namesOf(people[who].call, '/api/v1/crm/deals?q=secret'), who).toEqual([]);
    }
    // The summary counts only what the reader sees.
    const count = async (s: Session) =>
      (await s.call('GET', `/api/v1/crm/pipelines/${sales.id}/summary`)).json().stages[0].count as number;
    expect(await count(people.olga)).toBeGreaterThan(await count(people.zoya));
    expect(await count(people.zoya)).toBe(0);

    // Handed to Pavel: Ivan no longer sees it, Pavel does.
    expect((await people.olga.call('PATCH', url, { responsibleId: 'pavel' })).statusCode).toBe(200);
    expect((await people.ivan.call('GET', url)).statusCode).toBe(404);
    expect((await people.pavel.call('GET', url)).statusCode).toBe(200);
    expect((await people.pavel.call('DELETE', url)).statusCode).toBe(204);
    expect((await people.olga.call('GET', url)).statusCode).toBe(404);
  });

  it('sums a stage per currency', async () => {
    const p = await createPipeline(api().call, 'Export');
    for (const [amount, currency] of [
      [100.1, 'RUB'],
      [0.2, 'RUB'],
      [50, 'USD'],
    ] as const)
      await created(people.ivan.call, 'deals', { title: 'x', pipelineId: p.id, amount, currency });
    await created(people.ivan.call, 'deals', { title: 'no amount', pipelineId: p.id });
    const summary = (await people.olga.call('GET', `/api/v1/crm/pipelines/${p.id}/summary`)).json();
    expect(summary.stages[0]).toEqual({
      id: p.stages[0]?.id,
      count: 4,
      amounts: { RUB: 100.3, USD: 50 },
      amount: 100.3,
      currency: 'RUB',
    });
    expect(summary.stages[1]).toEqual({
      id: p.stages[1]?.id,
      count: 0,
      amounts: {},
      amount: 0,
      currency: null,
    });
  });

  it('refuses what a deal cannot name, at the field', async () => {
    const other = await createPipeline(api().call, 'Service');
    const hidden = await created(people.zoya.call, 'contacts', { name: 'Zoya’s friend' });
    const bad = async (body: Record<string, unknown>, status: number, path: string) => {
      const res = await people.ivan.call('POST', '/api/v1/crm/deals', {
        title: 'x',
        pipelineId: sales.id,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    };
    await bad({ pipelineId: 'nope' }, 422, 'body.pipelineId');
    await bad({ stageId: other.stages[0]?.id }, 422, 'body.stageId');
    await bad({ contactId: hidden.id }, 422, 'body.contactId');
    await bad({ responsibleId: 'ghost' }, 422, 'body.responsibleId');
    await bad({ amount: 1.005 }, 400, 'body.amount');
    await bad({ currency: 'rub' }, 400, 'body.currency');
    await bad({ fields: { title: 'x' } }, 400, 'body.fields.title');
    await bad({ fields: { 'bad name': 1 } }, 400, 'body.fields.bad name');
    await bad({ fields: { nested: { a: 1 } } }, 400, 'body.fields.nested');
    await bad({ title: '' }, 400, 'body.title');
    expect(await namesOf(people.ivan.call, '/api/v1/crm/deals?q=refused')).toEqual([]);
  });

  it('keeps contacts and companies, finds them, and unlinks deals when one is deleted', async () => {
    const firm = await created(people.pavel.call, 'companies', {
      name: 'АО Стройка',
      taxId: '7709999999',
      email: 'info@stroika.ru',
      address: 'Москва',
    });
    const person = await created(people.pavel.call, 'contacts', {
      name: 'Пётр Сидоров',
      email: 'Petr@Stroika.ru',
      position: 'Закупщик',
      companyId: firm.id,
    });
    expect(person).toMatchObject({ companyName: 'АО Стройка', responsibleId: 'pavel', position: 'Закупщик' });
    const deal = await created(people.pavel.call, 'deals', {
      title: 'Кран',
      pipelineId: sales.id,
      contactId: person.id,
      companyId: firm.id,
    });
    expect(await namesOf(people.pavel.call, '/api/v1/crm/contacts?q=petr@')).toEqual(['Пётр Сидоров']);
    expect(await namesOf(people.pavel.call, `/api/v1/crm/contacts?q=${encodeURIComponent('пётр')}`)).toEqual([
      'Пётр Сидоров',
    ]);
    expect(await namesOf(people.pavel.call, '/api/v1/crm/companies?q=7709')).toEqual(['АО Стройка']);
    expect(await namesOf(people.pavel.call, `/api/v1/crm/contacts?companyId=${firm.id}`)).toEqual([
      'Пётр Сидоров',
    ]);
    expect(await namesOf(people.pavel.call, `/api/v1/crm/deals?companyId=${firm.id}`)).toEqual(['Кран']);
    expect(await namesOf(people.zoya.call, '/api/v1/crm/companies')).toEqual([]);

    const renamed = await people.pavel.call('PATCH', `/api/v1/crm/companies/${firm.id}`, {
      name: 'АО Стройка-2',
      phone: null,
    });
    expect(renamed.json()).toMatchObject({ name: 'АО Стройка-2', taxId: '7709999999', phone: null });
    expect(
      await namesOf(people.pavel.call, `/api/v1/crm/companies?q=${encodeURIComponent('стройка-2')}`),
    ).toEqual(['АО Стройка-2']);

    expect((await people.pavel.call('DELETE', `/api/v1/crm/companies/${firm.id}`)).statusCode).toBe(204);
    const after = (await people.pavel.call('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(after).toMatchObject({ companyId: null, companyName: null, contactName: 'Пётр Сидоров' });
    expect((await people.pavel.call('GET', `/api/v1/crm/contacts/${person.id}`)).json().companyId).toBeNull();
    expect((await people.pavel.call('GET', `/api/v1/crm/companies/${firm.id}`)).statusCode).toBe(404);
    expect((await people.zoya.call('GET', `/api/v1/crm/contacts/${person.id}`)).statusCode).toBe(404);
  });

  it('lets an API token reach the CRM only with its scopes', async () => {
    const make = async (scopes: string[]) => {
      const res = await people.olga.call('POST', '/api/v1/auth/tokens', {
        name: scopes.join() || 'none',
        scopes,
      });
      expect(res.statusCode, res.body).toBe(201);
      return { authorization: `Bearer ${res.json().token}` };
    };
    const reader = await make(['crm:read']);
    expect((await api().call('GET', '/api/v1/crm/deals', undefined, reader)).statusCode).toBe(200);
    const write = await api().call('POST', '/api/v1/crm/deals', { title: 't', pipelineId: sales.id }, reader);
    expect(write.statusCode).toBe(403);
    const writer = await make(['crm:read', 'crm:write']);
    const ok = await api().call(
      'POST',
      '/api/v1/crm/deals',
      { title: 'by token', pipelineId: sales.id },
      writer,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().responsibleId).toBe('olga');
  });
});

import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, namesOf, type PipelineBody } from './support/crm.ts';
import { addPeople } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/** CRM access by role: "sales see what they need, lawyers what they need". */
apiSuite('CRM access by role', (api) => {
  let sales: PipelineBody;
  let contracts: PipelineBody;
  let ivan: Session;
  let lena: Session;
  let contract: { id: string };
  let order: { id: string };
  let company: { id: string };
  beforeAll(async () => {
    const a = api();
    await addPeople(a, {
      roles: ['lawyer', 'accountant'],
      users: [
        { id: 'ivan', canSignIn: true },
        { id: 'lena', roles: ['lawyer'], canSignIn: true },
      ],
    });
    sales = await createPipeline(a.call, 'Sales');
    contracts = await createPipeline(a.call, 'Contracts');
    ivan = await signIn(a.app, 'ivan');
    lena = await signIn(a.app, 'lena');
    company = await created(ivan.call, 'companies', { name: 'ООО Ромашка', email: 'a@romashka.example' });
    contract = await created(ivan.call, 'deals', {
      title: 'Договор поставки',
      pipelineId: contracts.id,
      companyId: company.id,
    });
    order = await created(ivan.call, 'deals', { title: 'Заказ', pipelineId: sales.id });
  });
  const grant = async (body: Record<string, unknown>) => {
    const res = await api().call('POST', '/api/v1/crm/access', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };

  it("lets a lawyer read a pipeline's deals without changing them, and nothing else", async () => {
    expect((await lena.call('GET', `/api/v1/crm/deals/${contract.id}`)).statusCode).toBe(404);
    const reading = await grant({ role: 'lawyer', entity: 'deal', pipelineId: contracts.id, access: 'read' });

    expect(await namesOf(lena.call, '/api/v1/crm/deals')).toEqual(['Договор поставки']);
    expect(await namesOf(lena.call, `/api/v1/crm/deals?stageId=${contracts.stages[0]?.id}`)).toEqual([
      'Договор поставки',
    ]);
    const seen = await lena.call('GET', `/api/v1/crm/deals/${contract.id}`);
    expect(seen.json()).toMatchObject({ title: 'Договор поставки', editable: false });
    expect((await ivan.call('GET', `/api/v1/crm/deals/${contract.id}`)).json().editable).toBe(true);
    expect((await lena.call('GET', `/api/v1/crm/deals/${order.id}`)).statusCode).toBe(404);

    const change = await lena.call('PATCH', `/api/v1/crm/deals/${contract.id}`, { title: 'Mine' });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({ code: 'READ_ONLY' });
    expect((await lena.call('DELETE', `/api/v1/crm/deals/${contract.id}`)).statusCode).toBe(403);
    const quote = await ivan.call('POST', '/api/v1/crm/quotes', { dealId: contract.id, rows: [] });
    expect((await lena.call('GET', `/api/v1/crm/quotes/${quote.json().id}`)).statusCode).toBe(200);
    expect((await lena.call('POST', `/api/v1/crm/quotes/${quote.json().id}/accept`)).statusCode).toBe(403);
    expect(
      (await lena.call('POST', '/api/v1/crm/quotes', { dealId: contract.id, rows: [] })).statusCode,
    ).toBe(403);
    // The deal's company is not the lawyer's to read unless granted.
    expect((await lena.call('GET', `/api/v1/crm/companies/${company.id}`)).statusCode).toBe(404);

    const writing = await api().call('PATCH', `/api/v1/crm/access/${reading.id}`, { access: 'write' });
    expect(writing.json()).toMatchObject({
      role: 'lawyer',
      entity: 'deal',
      pipelineName: 'Contracts',
      access: 'write',
    });
    const changed = await lena.call('PATCH', `/api/v1/crm/deals/${contract.id}`, {
      title: 'Договор поставки №7',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await lena.call('GET', `/api/v1/crm/deals/${contract.id}`)).json().editable).toBe(true);
    expect((await api().call('DELETE', `/api/v1/crm/access/${reading.id}`)).statusCode).toBe(204);
    expect((await lena.call('GET', `/api/v1/crm/deals/${contract.id}`)).statusCode).toBe(404);
  });

  it('opens every item of a kind to a role', async () => {
    const companies = await grant({ role: 'lawyer', entity: 'company', access: 'read' });
    expect(await namesOf(lena.call, '/api/v1/crm/companies')).toEqual(['ООО Ромашка']);
    const seen = await lena.call('GET', `/api/v1/crm/companies/${company.id}`);
    expect(seen.json()).toMatchObject({ name: 'ООО Ромашка', editable: false });
    expect((await lena.call('PATCH', `/api/v1/crm/companies/${company.id}`, { name: 'x' })).statusCode).toBe(
      403,
    );
    expect(await namesOf(lena.call, '/api/v1/crm/contacts')).toEqual([]);
    const deals = await grant({ role: 'lawyer', entity: 'deal', access: 'read' });
    expect((await namesOf(lena.call, '/api/v1/crm/deals')).sort()).toEqual(['Договор поставки №7', 'Заказ']);
    expect(await namesOf(lena.call, '/api/v1/crm/leads')).toEqual([]);
    for (const g of [companies, deals]) await api().call('DELETE', `/api/v1/crm/access/${g.id}`);
  });

  it('lists grants for those who manage the CRM, and refuses ones that name nothing real', async () => {
    await grant({ role: 'accountant', entity: 'deal', access: 'read' });
    const list = (await api().call('GET', '/api/v1/crm/access')).json().items;
    expect(list).toMatchObject([
      { role: 'accountant', roleTitle: 'accountant', entity: 'deal', pipelineId: null },
    ]);
    expect((await ivan.call('GET', '/api/v1/crm/access')).statusCode).toBe(403);
    expect(
      (await ivan.call('POST', '/api/v1/crm/access', { role: 'lawyer', entity: 'deal', access: 'read' }))
        .statusCode,
    ).toBe(403);

    const refused = async (body: Record<string, unknown>, status: number, path: string | null) => {
      const res = await api().call('POST', '/api/v1/crm/access', body);
      expect(res.statusCode, res.body).toBe(status);
      if (path) expect(res.json().errors[0].path).toBe(path);
      return res.json();
    };
    await refused({ role: 'pilot', entity: 'deal', access: 'read' }, 422, 'body.role');
    await refused(
      { role: 'lawyer', entity: 'contact', pipelineId: sales.id, access: 'read' },
      422,
      'body.pipelineId',
    );
    await refused(
      { role: 'lawyer', entity: 'lead', pipelineId: sales.id, access: 'read' },
      422,
      'body.pipelineId',
    );
    await refused({ role: 'lawyer', entity: 'quote', access: 'read' }, 400, 'body.entity');
    expect((await refused({ role: 'accountant', entity: 'deal', access: 'write' }, 409, null)).code).toBe(
      'GRANT_EXISTS',
    );

    // A role removed takes its access with it; so does a pipeline.
    expect((await api().call('DELETE', '/api/v1/roles/accountant')).statusCode).toBe(204);
    const empty = await createPipeline(api().call, 'Tenders');
    await grant({ role: 'lawyer', entity: 'deal', pipelineId: empty.id, access: 'read' });
    expect((await api().call('DELETE', `/api/v1/crm/pipelines/${empty.id}`)).statusCode).toBe(204);
    expect((await api().call('GET', '/api/v1/crm/access')).json().items).toEqual([]);
  });
});

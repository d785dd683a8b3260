import { beforeAll, expect, it } from 'vitest';
import { updateDocumentHandler } from '../src/crm/update-document.ts';
import { finishJob } from '../src/jobs/queue.ts';
import { apiSuite } from './api-harness.ts';
import { created, createPipeline, itemProcess, type PipelineBody } from './support/crm.ts';
import { jobOf, runDueJobs } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

/** The deal's manager confirms the quote; the process moves the deal on and notes the discount. */
const quote = itemProcess('deal-quote', 'deal', [
  {
    id: 'confirm',
    type: 'userTask',
    config: {
      kind: 'acknowledge',
      assignees: ['document.responsible'],
      title: 'Quote for {{ document.company }}',
    },
  },
  {
    id: 'mark',
    type: 'setFields',
    config: {
      fields: {
        stage: "'quote SENT'",
        title: "document.title + ' (quoted)'",
        discount: '10',
        amount: '990.5',
      },
    },
  },
]);

/** A process that writes a stage the deal's pipeline does not have. */
const wrongStage = itemProcess('deal-wrong-stage', 'deal', [
  { id: 'mark', type: 'setFields', config: { fields: { stage: "'Shipped'" } } },
]);

apiSuite('processes on deals', (api) => {
  let sales: PipelineBody;
  let ivan: Session;
  let zoya: Session;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan', 'zoya'));
    ivan = await signIn(a.app, 'ivan');
    zoya = await signIn(a.app, 'zoya');
    sales = await createPipeline(a.call);
    await a.publish(quote);
    await a.publish(wrongStage);
    await a.publish({ ...quote, key: 'not-for-deals', documentType: undefined });
  });

  const newDeal = async () => {
    const company = await created(ivan.call, 'companies', { name: 'ООО Ромашка' });
    return created<{ id: string; version: number }>(ivan.call, 'deals', {
      title: 'Бетон',
      pipelineId: sales.id,
      amount: 1000,
      companyId: company.id,
      fields: { region: 'Казань' },
    });
  };

  it('offers the templates made for deals', async () => {
    const res = await ivan.call('GET', '/api/v1/definitions?published=true&documentType=deal');
    expect(
      res
        .json()
        .items.map((d: { key: string }) => d.key)
        .sort(),
    ).toEqual(['deal-quote', 'deal-wrong-stage']);
    const all = (await ivan.call('GET', '/api/v1/definitions?published=true')).json().items;
    expect(all.find((d: { key: string }) => d.key === 'not-for-deals').documentType).toBeNull();
  });

  it('reads the deal, hands the task to its manager, and writes the new values back', async () => {
    const a = api();
    const deal = await newDeal();
    const ref = `deal:${deal.id}`;
    const started = await ivan.call('POST', '/api/v1/instances', {
      definitionKey: quote.key,
      documentRef: ref,
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;

    const listed = await ivan.call('GET', `/api/v1/instances?documentRef=${encodeURIComponent(ref)}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await ivan.call('GET', '/api/v1/instances?documentRef=deal:other')).json().items).toEqual([]);

    const [task] = await a.openTasks(id);
    const detail = (await ivan.call('GET', `/api/v1/tasks/${task?.id}`)).json();
    expect(detail).toMatchObject({ assignees: ['ivan'], title: 'Quote for ООО Ромашка', documentRef: ref });
    const done = await ivan.call('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    expect(done.statusCode, done.body).toBe(200);
    expect(await runDueJobs(a.baton.rt)).toContain('updateDocument');

    const after = (await ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(after).toMatchObject({
      title: 'Бетон (quoted)',
      stageName: 'Quote sent',
      amount: 990.5,
      fields: { region: 'Казань', discount: 10 },
      version: deal.version + 1,
    });
    expect(after.stages.at(-1)).toMatchObject({ stageName: 'Quote sent', by: `process:${id}` });
  });

  it('starts a process only on a deal the starter sees', async () => {
    const deal = await newDeal();
    const res = await zoya.call('POST', '/api/v1/instances', {
      definitionKey: quote.key,
      documentRef: `deal:${deal.id}`,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'body.documentRef', message: `there is no deal ${deal.id}` }]);
  });

  it('fails the write-back naming a stage the pipeline lacks, leaving the deal as it was', async () => {
    const a = api();
    const deal = await newDeal();
    const id = (
      await ivan.call('POST', '/api/v1/instances', {
        definitionKey: wrongStage.key,
        documentRef: `deal:${deal.id}`,
      })
    ).json().id;
    const job = await jobOf(a.baton.rt, id, 'updateDocument');
    await expect(updateDocumentHandler.run(a.baton.rt, job, async () => undefined)).rejects.toThrow(
      `fields at mark: stage "Shipped" is no stage of the deal's pipeline`,
    );
    expect((await ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json()).toMatchObject({
      stageName: 'New',
      version: deal.version,
    });
  });

  it('writes nothing but finishes for a process about no CRM item, and once for a job run twice', async () => {
    const a = api();
    const loose = await a.start(wrongStage.key);
    const job = await jobOf(a.baton.rt, loose, 'updateDocument');
    let finished = 0;
    await updateDocumentHandler.run(a.baton.rt, job, async () => {
      finished++;
    });
    expect(finished).toBe(1);

    const deal = await newDeal();
    const started = await ivan.call('POST', '/api/v1/instances', {
      definitionKey: quote.key,
      documentRef: `deal:${deal.id}`,
    });
    const [task] = await a.openTasks(started.json().id);
    await ivan.call('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    const write = await jobOf(a.baton.rt, started.json().id, 'updateDocument');
    const run = () =>
      updateDocumentHandler.run(a.baton.rt, write, (trx) =>
        finishJob(trx ?? a.baton.rt.db.kysely, write, a.clock.now),
      );
    await run();
    await run().catch(() => undefined);
    const after = (await ivan.call('GET', `/api/v1/crm/deals/${deal.id}`)).json();
    expect(after.stages).toHaveLength(2);
    expect(after.title).toBe('Бетон (quoted)');
  });
});

/** A company's supplier check: the head of purchasing reads the company and the process writes back. */
const supplierCheck = itemProcess('supplier-check', 'company', [
  {
    id: 'check',
    type: 'userTask',
    config: {
      kind: 'acknowledge',
      assignees: ['document.responsible'],
      title: 'Check {{ document.name }} ({{ document.taxId }})',
    },
  },
  {
    id: 'mark',
    type: 'setFields',
    config: {
      fields: { phone: "'+7 495 000-00-00'", checkedBy: "'purchasing'", name: "document.name + ' ✓'" },
    },
  },
]);

apiSuite('processes on contacts and companies', (api) => {
  let ivan: Session;
  let zoya: Session;
  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan', 'zoya'));
    ivan = await signIn(a.app, 'ivan');
    zoya = await signIn(a.app, 'zoya');
    await a.publish(supplierCheck);
  });

  it('reads the company, hands the task to whoever leads it, and writes the new values back', async () => {
    const a = api();
    const company = await created(ivan.call, 'companies', { name: 'ЗАО Кирпич', taxId: '7701000002' });
    const ref = `company:${company.id}`;
    const templates = (
      await ivan.call('GET', '/api/v1/definitions?published=true&documentType=company')
    ).json();
    expect(templates.items.map((d: { key: string }) => d.key)).toEqual(['supplier-check']);
    const started = await ivan.call('POST', '/api/v1/instances', {
      definitionKey: supplierCheck.key,
      documentRef: ref,
    });
    expect(started.statusCode, started.body).toBe(201);
    const id = started.json().id as string;
    const listed = await ivan.call('GET', `/api/v1/instances?documentRef=${encodeURIComponent(ref)}`);
    expect(listed.json().items.map((i: { id: string }) => i.id)).toEqual([id]);

    const [task] = await a.openTasks(id);
    const detail = (await ivan.call('GET', `/api/v1/tasks/${task?.id}`)).json();
    expect(detail).toMatchObject({ assignees: ['ivan'], title: 'Check ЗАО Кирпич (7701000002)' });
    await ivan.call('POST', `/api/v1/tasks/${task?.id}/complete`, { outcome: 'acknowledged' });
    expect(await runDueJobs(a.baton.rt)).toContain('updateDocument');
    expect((await ivan.call('GET', `/api/v1/crm/companies/${company.id}`)).json()).toMatchObject({
      name: 'ЗАО Кирпич ✓',
      phone: '+7 495 000-00-00',
      taxId: '7701000002',
      fields: { checkedBy: 'purchasing' },
    });
  });

  it('starts one only on a contact or company the starter sees, and fails a write-back it cannot take', async () => {
    const a = api();
    const company = await created(ivan.call, 'companies', { name: 'ООО Песок' });
    const hidden = await zoya.call('POST', '/api/v1/instances', {
      definitionKey: supplierCheck.key,
      documentRef: `company:${company.id}`,
    });
    expect(hidden.json().errors).toEqual([
      { path: 'body.documentRef', message: `there is no company ${company.id}` },
    ]);
    const contact = await created(ivan.call, 'contacts', { name: 'Анна' });
    await a.publish({
      ...itemProcess('contact-bad', 'contact', [
        { id: 'mark', type: 'setFields', config: { fields: { name: "''" } } },
      ]),
    });
    const id = (
      await ivan.call('POST', '/api/v1/instances', {
        definitionKey: 'contact-bad',
        documentRef: `contact:${contact.id}`,
      })
    ).json().id;
    const job = await jobOf(a.baton.rt, id, 'updateDocument');
    await expect(updateDocumentHandler.run(a.baton.rt, job, async () => undefined)).rejects.toThrow(
      'fields at mark: name must be a text',
    );
    expect((await ivan.call('GET', `/api/v1/crm/contacts/${contact.id}`)).json().name).toBe('Анна');
  });
});

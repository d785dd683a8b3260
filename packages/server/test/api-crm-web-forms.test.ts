import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createLeadPipeline, createPipeline, namesOf, type PipelineBody } from './support/crm.ts';
import { runDueJobs } from './support/jobs.ts';
import { addPeople, usersWhoSignIn } from './support/org.ts';
import { type Session, signIn } from './support/people.ts';

apiSuite('web forms', (api) => {
  let leads: PipelineBody;
  let ivan: Session;
  let token: string;
  let formId: string;
  const form = () => ({
    name: 'Site',
    title: 'Request a call',
    fields: [
      { field: 'name', label: 'Your name', required: true },
      { field: 'phone', label: 'Phone', required: false },
      { field: 'email', label: 'E-mail' },
    ],
    successText: 'Thank you, we will call you back.',
    pipelineId: leads.id,
    responsibleId: 'ivan',
  });
  /** A visitor: no credentials at all. */
  const visitor = (method: 'GET' | 'POST', body?: unknown, address = '203.0.113.7') =>
    api().app.inject({
      method,
      url: `/api/v1/public/web-forms/${token}`,
      payload: body as object,
      remoteAddress: address,
    });

  beforeAll(async () => {
    const a = api();
    await addPeople(a, usersWhoSignIn('ivan'));
    ivan = await signIn(a.app, 'ivan');
    await createPipeline(a.call);
    leads = await createLeadPipeline(a.call);
    const res = await a.call('POST', '/api/v1/crm/web-forms', form());
    expect(res.statusCode, res.body).toBe(201);
    token = res.json().token;
    formId = res.json().id;
    await a.call('POST', `/api/v1/crm/pipelines/${leads.id}/robots`, {
      stageId: leads.stages[0]?.id,
      name: 'Tell at once',
      action: 'notify',
      message: 'New request from {{ deal.name }} ({{ deal.phone }})',
    });
  });

  it('shows a form to anyone and turns what they send into a lead for its manager', async () => {
    const a = api();
    expect(token).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const shown = await visitor('GET');
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual({
      title: 'Request a call',
      fields: [
        { field: 'name', label: 'Your name', required: true },
        { field: 'phone', label: 'Phone', required: false },
        { field: 'email', label: 'E-mail', required: false },
      ],
      successText: 'Thank you, we will call you back.',
    });
    const sent = await visitor('POST', { values: { name: 'Анна', phone: '+7 900 1', comment: 'not asked' } });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toEqual({ successText: 'Thank you, we will call you back.' });
    const [lead] = (await ivan.call('GET', '/api/v1/crm/leads')).json().items;
    expect(lead).toMatchObject({
      title: 'Анна',
      name: 'Анна',
      phone: '+7 900 1',
      comment: null,
      source: 'web form: Site',
      responsibleId: 'ivan',
      stageName: 'New',
      createdBy: `form:${formId}`,
    });
    expect(await runDueJobs(a.baton.rt)).toEqual(['crmRobot', 'notify']);
    const notes = (await ivan.call('GET', '/api/v1/notifications')).json().items;
    expect(notes[0].text).toBe('New request from Анна (+7 900 1)');
  });

  it('asks for what the form needs, and drops what a script fills into the trap', async () => {
    const missing = await visitor('POST', { values: { phone: '+7 900 2' } }, '203.0.113.8');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([{ path: 'body.values.name', message: 'Your name is needed' }]);
    const before = (await namesOf(ivan.call, '/api/v1/crm/leads')).length;
    const bot = await visitor('POST', { values: { name: 'Bot' }, website: 'http://spam' }, '203.0.113.8');
    expect(bot.statusCode).toBe(201);
    expect((await namesOf(ivan.call, '/api/v1/crm/leads')).length).toBe(before);
    const unknown = await visitor('POST', { values: { name: 'X', salary: '1' } }, '203.0.113.8');
    expect(unknown.statusCode).toBe(400);
  });

  it('takes five sends from one address in ten minutes', async () => {
    const a = api();
    for (let i = 0; i < 5; i++)
      expect((await visitor('POST', { values: { name: `N${i}` } }, '198.51.100.1')).statusCode).toBe(201);
    const sixth = await visitor('POST', { values: { name: 'N5' } }, '198.51.100.1');
    expect(sixth.statusCode).toBe(429);
    expect(sixth.json().code).toBe('TOO_MANY_SUBMISSIONS');
    expect(Number(sixth.headers['retry-after'])).toBe(600);
    expect((await visitor('POST', { values: { name: 'Other' } }, '198.51.100.2')).statusCode).toBe(201);
    a.clock.now += 10 * 60 * 1000 + 1;
    expect((await visitor('POST', { values: { name: 'Later' } }, '198.51.100.1')).statusCode).toBe(201);
  });

  it('is set up by process administrators, and answers 404 once off or deleted', async () => {
    const a = api();
    expect((await ivan.call('GET', '/api/v1/crm/web-forms')).statusCode).toBe(403);
    expect((await a.call('GET', '/api/v1/crm/web-forms')).json().items).toHaveLength(1);
    const bad = async (change: Record<string, unknown>, path: string) => {
      const res = await a.call('POST', '/api/v1/crm/web-forms', { ...form(), ...change });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual([path]);
    };
    const deals = (await a.call('GET', '/api/v1/crm/pipelines')).json().items[0].id;
    await bad({ pipelineId: deals }, 'body.pipelineId');
    await bad({ responsibleId: 'ghost' }, 'body.responsibleId');
    await bad({ fields: [{ field: 'comment', label: 'Question' }] }, 'body.fields');
    await bad(
      {
        fields: [
          { field: 'name', label: 'A' },
          { field: 'name', label: 'B' },
        ],
      },
      'body.fields.1.field',
    );
    const off = await a.call('PUT', `/api/v1/crm/web-forms/${formId}`, { ...form(), active: false });
    expect(off.json()).toMatchObject({ active: false, token });
    expect((await visitor('GET')).statusCode).toBe(404);
    expect((await visitor('POST', { values: { name: 'Late' } }, '192.0.2.1')).statusCode).toBe(404);
    await a.call('PUT', `/api/v1/crm/web-forms/${formId}`, form());
    expect((await visitor('GET')).statusCode).toBe(200);
    expect((await a.call('DELETE', `/api/v1/crm/web-forms/${formId}`)).statusCode).toBe(204);
    expect((await visitor('GET')).statusCode).toBe(404);
  });
});

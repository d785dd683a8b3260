import { beforeAll, expect, it } from 'vitest';
import { apiSuite } from './api-harness.ts';
import { createUser, type Session, signIn } from './support/people.ts';

const template = (
  key: string,
  name: string,
  settings: { sort?: number; icon?: string; labels?: string[] } = {},
) => ({
  key,
  name,
  ...settings,
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end' },
  ],
  flows: [{ id: 'f1', source: 'start', target: 'end' }],
});

interface Listed {
  key: string;
  name: string;
  version: number;
  sort: number | null;
  icon: string | null;
  labels: string[];
}

const listed = async (call: Session['call']): Promise<Listed[]> => {
  const res = await call('GET', '/api/v1/definitions');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

/** ann is an employee: she sees published versions only. */
apiSuite('template catalogue settings', (api) => {
  let ann: Session;

  beforeAll(async () => {
    const a = api();
    await createUser(a, { id: 'ann' });
    ann = await signIn(a.app, 'ann');
    await a.publish(template('plain', 'Alpha'));
    await a.publish(template('second-b', 'Beta', { sort: 2, icon: 'truck' }));
    await a.publish(template('first', 'Gamma', { sort: -5, icon: 'cash' }));
    await a.publish(template('second-a', 'Aardvark', { sort: 2 }));
    await a.publish(template('also-plain', 'Alpha', { icon: 'users' }));
  });

  it('lists templates by sort, then name (then key), those without a sort last', async () => {
    expect((await listed(api().call)).map((d) => [d.key, d.sort, d.icon])).toEqual([
      ['first', -5, 'cash'],
      ['second-a', 2, null],
      ['second-b', 2, 'truck'],
      ['also-plain', null, 'users'],
      ['plain', null, null],
    ]);
    expect((await listed(ann.call)).map((d) => d.key)).toEqual([
      'first',
      'second-a',
      'second-b',
      'also-plain',
      'plain',
    ]);
  });

  it('keeps sort and icon in the stored definition', async () => {
    const got = await api().call('GET', '/api/v1/definitions/second-b');
    expect(got.json().definition).toMatchObject({ sort: 2, icon: 'truck' });
  });

  it("shows those who may not edit the published version's settings while a draft changes them", async () => {
    const { call } = api();
    const draft = await call(
      'PUT',
      '/api/v1/definitions/plain/draft',
      template('plain', 'Zulu', { sort: -10, icon: 'plane' }),
    );
    expect(draft.json()).toMatchObject({ version: 2, problems: [] });

    const mine = await listed(call);
    expect(mine[0]).toMatchObject({ key: 'plain', name: 'Zulu', version: 2, sort: -10, icon: 'plane' });
    const hers = await listed(ann.call);
    expect(hers.find((d) => d.key === 'plain')).toEqual(
      expect.objectContaining({ name: 'Alpha', version: 1, sort: null, icon: null }),
    );
    expect(hers.at(-1)?.key).toBe('plain');
    // The start catalogue shows editors, too, what a start will run: no drafts, published settings.
    await call('PUT', '/api/v1/definitions/draft-only/draft', template('draft-only', 'Unpublished'));
    expect((await listed(call)).some((d) => d.key === 'draft-only')).toBe(true);
    const catalogue = await call('GET', '/api/v1/definitions?published=true');
    expect(catalogue.json().items.find((d: Listed) => d.key === 'plain')).toEqual(
      expect.objectContaining({ name: 'Alpha', version: 1, sort: null, icon: null }),
    );
    expect(catalogue.json().items.some((d: Listed) => d.key === 'draft-only')).toBe(false);
    expect((await call('GET', '/api/v1/definitions?published=yes')).statusCode).toBe(400);

    await call('POST', '/api/v1/definitions/plain/publish');
    expect((await listed(ann.call))[0]).toMatchObject({
      key: 'plain',
      name: 'Zulu',
      sort: -10,
      icon: 'plane',
    });
  });

  it('stores a draft with an unknown icon or a fractional sort with problems naming them, and will not publish it', async () => {
    const { call } = api();
    const draft = await call('PUT', '/api/v1/definitions/odd/draft', {
      ...template('odd', 'Odd'),
      sort: 1.5,
      icon: 'rocket',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().problems).toEqual([
      expect.objectContaining({ code: 'SCHEMA', path: 'sort', message: 'must be a whole number' }),
      expect.objectContaining({
        code: 'SCHEMA',
        path: 'icon',
        message: expect.stringMatching(/^must be one of: /),
      }),
    ]);
    expect((await listed(call)).find((d) => d.key === 'odd')).toMatchObject({ sort: null, icon: null });

    const refused = await call('POST', '/api/v1/definitions/odd/publish');
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: 'sort', message: 'SCHEMA: must be a whole number' },
      { path: 'icon', message: expect.stringMatching(/^SCHEMA: must be one of: beach, /) },
    ]);
  });

  it('lists labels, filters by one in any letter case, and shows those who may not edit the published ones', async () => {
    const { call } = api();
    await api().publish(template('hiring', 'Hiring', { labels: ['HR', 'People'] }));
    await api().publish(template('payroll', 'Payroll', { labels: ['Finance', 'HR'] }));
    const keysWith = async (who: Session['call'], label: string) =>
      (await who('GET', `/api/v1/definitions?label=${encodeURIComponent(label)}`))
        .json()
        .items.map((d: Listed) => d.key);
    expect(await keysWith(call, 'hr')).toEqual(['hiring', 'payroll']);
    expect(await keysWith(ann.call, 'Finance')).toEqual(['payroll']);
    expect(await keysWith(call, 'nothing')).toEqual([]);
    expect((await listed(ann.call)).find((d) => d.key === 'hiring')?.labels).toEqual(['HR', 'People']);
    expect((await listed(ann.call)).find((d) => d.key === 'first')?.labels).toEqual([]);

    // A draft relabels the template for its editors only, until it is published.
    await call(
      'PUT',
      '/api/v1/definitions/hiring/draft',
      template('hiring', 'Hiring', { labels: ['Recruiting'] }),
    );
    expect(await keysWith(call, 'Recruiting')).toEqual(['hiring']);
    expect(await keysWith(ann.call, 'Recruiting')).toEqual([]);
    expect(await keysWith(ann.call, 'People')).toEqual(['hiring']);
    const bad = await call(
      'PUT',
      '/api/v1/definitions/hiring/draft',
      template('hiring', 'Hiring', { labels: ['HR', 'hr'] }),
    );
    expect(bad.json().problems).toEqual([
      expect.objectContaining({ code: 'SCHEMA', path: 'labels[1]', message: '"hr" is there twice' }),
    ]);
    expect((await listed(call)).find((d) => d.key === 'hiring')?.labels).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/index.ts';
import { Instance, line, node, problemsOf } from '../helpers.ts';

const key = expect.stringMatching(/^e\d+$/);
const data = {
  parameters: [
    { id: 'client', type: 'string' as const },
    { id: 'amount', type: 'number' as const },
    { id: 'team', type: 'users' as const },
  ],
};

/** The effects of a one-activity process started by `sam` for client ACME, 1500, team [ann, bob]. */
function effectsOf(type: string, config: Record<string, unknown>): Effect[] {
  const run = Instance.of(line([node('x', type, config)], data));
  const { effects, state } = run.start(
    { client: 'ACME', amount: 1500, team: ['ann', 'bob'] },
    { starter: 'sam' },
  );
  expect(state.status).toBe('completed');
  return effects;
}

describe('outbox activities', () => {
  it('notify: renders the text for the evaluated recipients', () => {
    expect(effectsOf('notify', { to: ['starter', 'team'], text: 'New deal with {{ client }}' })).toEqual([
      { type: 'notify', key, nodeId: 'x', to: ['sam', 'ann', 'bob'], text: 'New deal with ACME' },
    ]);
  });

  it('email: evaluates to and cc, renders subject and body', () => {
    const config = {
      to: ['"boss@example.com"'],
      cc: ['team'],
      subject: 'Deal {{ client }}',
      body: 'Amount: {{ amount }}',
    };
    expect(effectsOf('email', config)).toEqual([
      {
        type: 'sendEmail',
        key,
        nodeId: 'x',
        to: ['boss@example.com'],
        cc: ['ann', 'bob'],
        subject: 'Deal ACME',
        body: 'Amount: 1500',
      },
    ]);
  });

  it('email: names the createDocument activities whose documents go with it', () => {
    const doc = node('invoice', 'createDocument', { template: 'invoice', fileName: 'Invoice' });
    const mail = node('mail', 'email', {
      to: ['"a@example.com"'],
      subject: 'Invoice',
      body: '',
      attachments: ['invoice'],
    });
    const run = Instance.of(line([doc, mail], data));
    const sent = run
      .start({ client: 'ACME', amount: 1, team: [] })
      .effects.find((e) => e.type === 'sendEmail');
    expect(sent).toMatchObject({ type: 'sendEmail', nodeId: 'mail', attachments: ['invoice'] });
  });

  it('email: refuses an attachment that is not a createDocument activity of the process, naming it', () => {
    const mail = (attachments: string[]) =>
      node('mail', 'email', { to: ['"a@example.com"'], subject: 'S', body: '', attachments });
    const problems = problemsOf(
      line([node('note', 'log', { message: 'x' }), mail(['note', 'nowhere'])], data),
    );
    expect(problems).toEqual([
      {
        severity: 'error',
        code: 'BAD_REFERENCE',
        message: '"note" is not a createDocument activity of this process',
        nodeId: 'mail',
        path: 'nodes[2].config.attachments[0]',
      },
      {
        severity: 'error',
        code: 'BAD_REFERENCE',
        message: '"nowhere" is not a createDocument activity of this process',
        nodeId: 'mail',
        path: 'nodes[2].config.attachments[1]',
      },
    ]);
    const tooMany = problemsOf(line([mail(Array.from({ length: 11 }, (_, i) => `d${i}`))], data));
    expect(tooMany[0]).toMatchObject({ code: 'INVALID_CONFIG', path: 'nodes[1].config.attachments' });
  });

  it('email: takes the files its expressions give, leaving out a field not filled in', () => {
    const files = {
      parameters: [
        ...data.parameters,
        { id: 'contract', type: 'file' as const },
        { id: 'appendix', type: 'file' as const },
      ],
    };
    const mail = node('mail', 'email', {
      to: ['"a@example.com"'],
      subject: 'Contract',
      body: '',
      files: ['contract', 'appendix'],
    });
    const sent = Instance.of(line([mail], files))
      .start({ client: 'ACME', amount: 1, team: [], contract: 'f1' })
      .effects.find((e) => e.type === 'sendEmail');
    expect(sent).toMatchObject({ type: 'sendEmail', nodeId: 'mail', files: ['f1'] });
    expect(
      problemsOf(
        line([node('m', 'email', { to: ['"a@b.c"'], subject: 'S', body: '', files: ['contract +'] })], files),
      ),
    ).toEqual([
      expect.objectContaining({ code: 'EXPRESSION_SYNTAX', nodeId: 'm', path: 'nodes[1].config.files[0]' }),
    ]);
  });

  it('sms: renders the text', () => {
    expect(effectsOf('sms', { to: ['"+79000000000"'], text: '{{ client }} paid' })).toEqual([
      { type: 'sendSms', key, nodeId: 'x', to: ['+79000000000'], text: 'ACME paid' },
    ]);
  });

  it('webhook: renders the url and evaluates the body, POST by default', () => {
    const config = {
      url: 'https://crm.example.com/deals/{{ client }}',
      headers: { 'X-Source': 'baton' },
      body: { amount: 'amount', big: 'amount > 1000' },
    };
    expect(effectsOf('webhook', config)).toEqual([
      {
        type: 'callWebhook',
        key,
        nodeId: 'x',
        url: 'https://crm.example.com/deals/ACME',
        method: 'POST',
        headers: { 'X-Source': 'baton' },
        body: { amount: 1500, big: true },
      },
    ]);
  });

  it('webhook: refuses a URL that is not http(s) and headers fetch would refuse, naming each', () => {
    const config = {
      url: 'ftp://crm.example.com/deals',
      headers: { 'X Source': 'baton', 'X-Note': 'one\r\nInjected: yes' },
    };
    const problems = problemsOf(line([node('x', 'webhook', config)], data));
    expect(problems.map(({ path, message }) => `${path}: ${message}`)).toEqual([
      'nodes[1].config.url: must be an http:// or https:// URL',
      'nodes[1].config.headers.X Source: is not an HTTP header name',
      'nodes[1].config.headers.X-Note: must not hold line breaks or NUL',
    ]);
    expect(new Set(problems.map((p) => `${p.code} ${p.nodeId}`))).toEqual(new Set(['INVALID_CONFIG x']));
  });

  it('webhook: fails the instance at the node when the rendered URL is not http(s)', () => {
    const run = Instance.of(line([node('x', 'webhook', { url: '{{ client }}/deals' })], data));
    const { effects, state } = run.start({ client: 'javascript:alert(1)', amount: 1, team: [] });
    expect(effects).toEqual([]);
    expect(state).toMatchObject({
      status: 'failed',
      error: {
        code: 'BAD_URL',
        nodeId: 'x',
        message: expect.stringContaining('"javascript:alert(1)/deals"'),
      },
    });
  });

  it('createDocument: renders the file name and evaluates the data, pdf by default', () => {
    const config = { template: 'contract', fileName: 'Contract {{ client }}', data: { sum: 'amount' } };
    expect(effectsOf('createDocument', config)).toEqual([
      {
        type: 'createDocument',
        key,
        nodeId: 'x',
        template: 'contract',
        fileName: 'Contract ACME',
        format: 'pdf',
        data: { sum: 1500 },
      },
    ]);
  });

  it('publishFeed: renders title and text, to everyone by default', () => {
    expect(effectsOf('publishFeed', { title: 'Won {{ client }}', text: 'by {{ starter }}' })).toEqual([
      { type: 'publishFeed', key, nodeId: 'x', title: 'Won ACME', text: 'by sam', to: [] },
    ]);
  });

  it('startProcess: evaluates the params and does not wait', () => {
    expect(effectsOf('startProcess', { definitionKey: 'onboarding', params: { who: 'client' } })).toEqual([
      {
        type: 'startProcess',
        key,
        nodeId: 'x',
        definitionKey: 'onboarding',
        params: { who: 'ACME' },
        callId: null,
      },
    ]);
  });

  it('log: renders the message at info level by default', () => {
    expect(effectsOf('log', { message: 'amount={{ amount }}' })).toEqual([
      { type: 'log', key, nodeId: 'x', level: 'info', message: 'amount=1500' },
    ]);
  });

  it('gives every effect of an instance its own key', () => {
    const run = Instance.of(
      line(
        [
          node('n1', 'notify', { to: ['starter'], text: 'one' }),
          node('n2', 'notify', { to: ['starter'], text: 'two' }),
          node('n3', 'log', { message: 'three' }),
        ],
        data,
      ),
    );
    const { effects } = run.start({}, { starter: 'sam' });
    const keys = effects.map((e) => ('key' in e ? e.key : ''));
    expect(new Set(keys).size).toBe(3);
  });

  it('drops empty recipients', () => {
    expect(effectsOf('notify', { to: ['""', 'starter'], text: 'hi' })).toEqual([
      { type: 'notify', key, nodeId: 'x', to: ['sam'], text: 'hi' },
    ]);
  });
});

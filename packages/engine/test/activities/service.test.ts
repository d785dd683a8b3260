import { describe, expect, it } from 'vitest';
import {
  configJsonSchema,
  exportBpmn,
  importBpmn,
  registerActivity,
  SERVICE_COMPLETED_MESSAGE,
  serviceActivity,
  serviceDescriptorSchema,
  simulate,
} from '../../src/index.ts';
import {
  compiled,
  effectsOf,
  flow,
  HOUR,
  Instance,
  line,
  node,
  nodesOf,
  problemsOf,
  T0,
} from '../helpers.ts';

const descriptor = serviceDescriptorSchema.parse({
  type: 'acme.createInvoice',
  name: { en: 'Create an invoice in the ERP', ru: 'Создать счёт в ERP' },
  inputs: [
    { id: 'amount', name: 'Amount', type: 'money', required: true },
    { id: 'client', type: 'string' },
  ],
  outputs: [{ id: 'number', type: 'string' }],
});
registerActivity(serviceActivity(descriptor));

const invoice = (config: Record<string, unknown>) =>
  line([node('erp', 'acme.createInvoice', config)], {
    parameters: [{ id: 'sum', type: 'number', required: true }],
    variables: [{ id: 'invoiceNo', type: 'string' }],
  });

describe('a service activity (a plugin’s custom activity)', () => {
  it('asks the runtime to run the service with the evaluated inputs and waits for its answer', () => {
    const run = Instance.of(
      invoice({ input: { amount: 'sum * 2', client: '"Stroy"' }, output: { number: 'invoiceNo' } }),
    );
    const { effects } = run.start({ sum: 500 });
    const [call] = effectsOf(effects, 'runService');
    expect(call).toEqual({
      type: 'runService',
      key: expect.any(String),
      nodeId: 'erp',
      service: 'acme.createInvoice',
      input: { amount: 1000, client: 'Stroy' },
    });
    expect(run.state.status).toBe('running');
    run.message(SERVICE_COMPLETED_MESSAGE, call?.key ?? null, { output: { number: 'INV-7' } });
    expect(run.state.status).toBe('completed');
    expect(run.state.variables.invoiceNo).toBe('INV-7');
  });

  it('throws the service’s error as a BPMN error, caught by an error boundary', () => {
    const def = invoice({ input: { amount: 'sum' } });
    def.nodes.push(
      node('refused', 'errorBoundary', { errorCode: 'CREDIT_LIMIT' }, { attachedTo: 'erp' }),
      node('late', 'end'),
    );
    def.flows?.push(flow('refused', 'late'));
    const run = Instance.of(def);
    const [call] = effectsOf(run.start({ sum: 1 }).effects, 'runService');
    run.message(SERVICE_COMPLETED_MESSAGE, call?.key ?? null, {
      error: { code: 'CREDIT_LIMIT', message: 'the client is over its limit' },
    });
    expect(run.state.status).toBe('completed');
    expect(nodesOf(run.history, 'node.entered')).toContain('late');
  });

  it('fails the node naming the input whose value is not of its type', () => {
    const run = Instance.of(invoice({ input: { amount: '"a lot"' } }));
    const { state, effects } = run.start({ sum: 1 });
    expect(effectsOf(effects, 'runService')).toEqual([]);
    expect(state.error).toEqual({
      code: 'BAD_INPUT',
      message: 'acme.createInvoice: input.amount: expected money, got "a lot"',
      nodeId: 'erp',
    });
  });

  it('names a missing required input, an unknown input and an unknown output at their paths', () => {
    const paths = (config: Record<string, unknown>) =>
      problemsOf(invoice(config)).map((p) => `${p.code} ${p.path}`);
    expect(paths({ input: {} })).toEqual(['INVALID_CONFIG nodes[1].config.input.amount']);
    expect(paths({})).toEqual(['INVALID_CONFIG nodes[1].config.input.amount']);
    expect(paths({ input: { amount: 'sum', vat: '20' } })).toEqual([
      'INVALID_CONFIG nodes[1].config.input.vat',
    ]);
    expect(paths({ input: { amount: 'sum' }, output: { total: 'x' } })).toEqual([
      'INVALID_CONFIG nodes[1].config.output.total',
    ]);
    expect(paths({ input: { amount: 'sum +' } })).toEqual(['EXPRESSION_SYNTAX nodes[1].config.input.amount']);
  });

  it('gives the designer a form with one expression per input and one variable per output', () => {
    const schema = configJsonSchema('acme.createInvoice') as {
      properties: { input: { properties: Record<string, { title: string }>; required?: string[] } };
    };
    expect(Object.keys(schema.properties.input.properties)).toEqual(['amount', 'client']);
    expect(schema.properties.input.properties.amount?.title).toBe('Amount');
    expect(schema.properties.input.required).toEqual(['amount']);
  });

  it('goes through BPMN as it is: its type and config come back', async () => {
    const def = invoice({ input: { amount: 'sum' }, output: { number: 'invoiceNo' } });
    const { definition } = await importBpmn(await exportBpmn(def));
    expect(definition?.nodes.find((n) => n.id === 'erp')).toMatchObject({
      type: 'acme.createInvoice',
      config: { input: { amount: 'sum' }, output: { number: 'invoiceNo' } },
    });
  });

  it('is answered in a simulation from the answers: its outputs after a while, or its error', () => {
    const def = invoice({ input: { amount: 'sum' }, output: { number: 'invoiceNo' } });
    const answered = simulate(compiled(def), {
      params: { sum: 3 },
      answers: { erp: [{ number: 'INV-3', $after: 'PT2H' }] },
    });
    expect(answered.state.status).toBe('completed');
    expect(answered.state.variables.invoiceNo).toBe('INV-3');
    expect(answered.now).toBe(T0 + 2 * HOUR);
    expect(answered.effects.map((e) => e.type)).toEqual(['runService']);
    const refused = simulate(compiled(def), {
      params: { sum: 3 },
      answers: { erp: [{ $error: 'CREDIT_LIMIT', $message: 'over the limit' }] },
    });
    expect(refused.state.error).toMatchObject({ code: 'CREDIT_LIMIT', message: 'over the limit' });
    expect(simulate(compiled(def), { params: { sum: 3 } }).state.variables.invoiceNo).toBeNull();
  });

  it('is kept apart from the built-in activities', () => {
    expect(() => registerActivity(serviceActivity({ ...descriptor, type: 'email' }))).toThrow(/built-in/);
    const bad = serviceDescriptorSchema.safeParse({ type: 'createInvoice', name: { en: 'x' } });
    expect(bad.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      'type: must be "vendor.name", e.g. "acme.createInvoice"',
    ]);
    const twice = serviceDescriptorSchema.safeParse({
      type: 'acme.x',
      name: { en: 'x' },
      outputs: [
        { id: 'a', type: 'string' },
        { id: 'a', type: 'number' },
      ],
    });
    expect(twice.error?.issues.map((i) => i.path.join('.'))).toEqual(['outputs.1.id']);
  });
});

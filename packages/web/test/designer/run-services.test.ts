import { compile, type HistoryEvent } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { registerServiceActivities } from '../../src/api/activities.ts';
import { answerService, manualMessages, waitingServices } from '../../src/designer/model/run-services.ts';
import { startRun } from '../../src/designer/model/test-run.ts';
import { createInvoice, invoiceProcess } from './plugin-fixtures.ts';

registerServiceActivities([createInvoice]);

function started() {
  const out = compile(invoiceProcess());
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return startRun(out.compiled, { params: { sum: 500 } });
}

/** The end events a run reached. */
const ends = (history: readonly HistoryEvent[]) =>
  history
    .filter((e) => e.type === 'node.entered' && (e.nodeId === 'done' || e.nodeId === 'refused'))
    .map((e) => e.nodeId);

describe('a test run answers a plugin activity in its code’s place', () => {
  it('shows the call with its input values, waiting for an answer no message button sends', () => {
    const run = started();
    expect(waitingServices(run)).toEqual([
      {
        type: 'runService',
        key: expect.any(String),
        nodeId: 'erp',
        service: 'acme.createInvoice',
        input: { amount: 1000 },
      },
    ]);
    expect(manualMessages(run)).toEqual([]);
    expect(run.state.status).toBe('running');
  });

  it('its outputs go into the chosen variables and the process goes on', () => {
    const run = started();
    const [call] = waitingServices(run);
    if (!call) throw new Error('no service call');
    const answered = answerService(run, call, { output: { number: 'INV-1000' } });
    expect(answered.rejected).toBeNull();
    expect(answered.state.status).toBe('completed');
    expect(answered.state.variables.invoiceNo).toBe('INV-1000');
    expect(ends(answered.history)).toEqual(['done']);
    expect(waitingServices(answered)).toEqual([]);
  });

  it('an error is a BPMN error: the boundary with its code catches it', () => {
    const run = started();
    const [call] = waitingServices(run);
    if (!call) throw new Error('no service call');
    const answered = answerService(run, call, { error: { code: 'CREDIT_LIMIT', message: 'over the limit' } });
    expect(answered.state.status).toBe('completed');
    expect(ends(answered.history)).toEqual(['refused']);
  });

  it('an error no boundary catches fails the process', () => {
    const run = started();
    const [call] = waitingServices(run);
    if (!call) throw new Error('no service call');
    const answered = answerService(run, call, { error: { code: 'DOWN', message: 'the ERP is down' } });
    expect(answered.state.status).toBe('failed');
    expect(answered.state.error).toMatchObject({ code: 'DOWN', nodeId: 'erp' });
  });
});

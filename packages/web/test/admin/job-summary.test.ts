import { describe, expect, it } from 'vitest';
import { jobSummary } from '../../src/admin/outbox/job-summary.ts';

describe('what an outbox job delivers, in one line', () => {
  it.each([
    [
      'sendEmail',
      { to: ['ann', 'client@buyer.example'], subject: 'Quote' },
      'ann, client@buyer.example — Quote',
    ],
    ['notify', { to: ['head:ann'], text: 'Overdue' }, 'head:ann — Overdue'],
    ['sendSms', { to: ['+7 900'], text: 'Shipped' }, '+7 900 — Shipped'],
    ['taskEmail', { taskIds: ['i1:t1', 'i2:t1'], userId: 'ann' }, 'ann — i1:t1, i2:t1'],
    ['taskEmail', { taskId: 'i1:t1', userId: 'ann' }, 'ann — i1:t1'],
    ['callWebhook', { method: 'POST', url: 'https://crm.example/hook' }, 'POST https://crm.example/hook'],
    ['eventWebhook', { event: 'deal.moved', data: { id: 'd1', title: 'Bricks' } }, 'deal.moved — Bricks'],
    ['runService', { service: 'erp.createInvoice', input: { amount: 5 } }, 'erp.createInvoice'],
    ['startProcess', { definitionKey: 'onboarding' }, 'onboarding'],
    ['createDocument', { fileName: 'contract.docx' }, 'contract.docx'],
    ['timer', { instanceId: 'i1', timerId: 'w3' }, 'w3'],
    ['updateDocument', { fields: { stage: 'Won', discount: 10 } }, 'stage, discount'],
    ['crmRobot', { robotId: 'r1', dealId: 'd7', seq: 2 }, 'd7'],
    ['crmTrigger', { dealId: 'd8', event: 'emailReceived', activityKind: null }, 'd8'],
    ['addListRecord', { list: 'contracts', title: 'Supply #12', values: {} }, 'contracts — Supply #12'],
    ['listRecordProcess', { recordId: 'r5', definitionKey: 'approve-contract' }, 'approve-contract — r5'],
  ])('%s', (kind, payload, line) => {
    expect(jobSummary({ kind, payload })).toBe(line);
  });

  it('shows an unknown kind or an unexpected payload as an empty line instead of failing', () => {
    expect(jobSummary({ kind: 'plugin.fax', payload: { to: 1 } })).toBe('');
    expect(jobSummary({ kind: 'sendEmail', payload: null })).toBe('');
    expect(jobSummary({ kind: 'sendEmail', payload: { to: 'not a list', subject: 7 } })).toBe('');
  });
});

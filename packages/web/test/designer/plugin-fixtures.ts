import type { DefinitionInput } from '@baton/engine';

/** A plugin's activity as the server lists it: an ERP invoice, named in both languages. */
export const createInvoice = {
  type: 'acme.createInvoice',
  name: { en: 'Create an invoice', ru: 'Создать счёт' },
  description: { en: 'Creates the invoice in the ERP', ru: 'Создаёт счёт в ERP' },
  category: 'crm',
  inputs: [
    { id: 'amount', name: 'Amount', type: 'money', required: true },
    { id: 'client', type: 'string' },
  ],
  outputs: [{ id: 'number', name: 'Invoice number', type: 'string' }],
};

/** One in English only, in the default category. */
export const ping = { type: 'acme.ping', name: { en: 'Ping' }, inputs: [], outputs: [] };

/** start → invoice (sum × 2 → invoiceNo) → done; a CREDIT_LIMIT error of the service → refused. */
export function invoiceProcess(): DefinitionInput {
  return {
    key: 'invoice',
    name: 'Invoice',
    parameters: [{ id: 'sum', type: 'number', required: true }],
    variables: [{ id: 'invoiceNo', type: 'string' }],
    nodes: [
      { id: 'start', type: 'start' },
      {
        id: 'erp',
        type: 'acme.createInvoice',
        config: { input: { amount: 'sum * 2' }, output: { number: 'invoiceNo' } },
      },
      { id: 'limit', type: 'errorBoundary', attachedTo: 'erp', config: { errorCode: 'CREDIT_LIMIT' } },
      { id: 'done', type: 'end' },
      { id: 'refused', type: 'end' },
    ],
    flows: [
      { id: 'f1', source: 'start', target: 'erp' },
      { id: 'f2', source: 'erp', target: 'done' },
      { id: 'f3', source: 'limit', target: 'refused' },
    ],
  };
}

import { expect } from 'vitest';
import type { Api } from '../api-harness.ts';
import { docxWith } from './documents.ts';
import { createUser } from './people.ts';

/** A purchase that makes its invoice and its contract, then waits for the buyer to sign. */
export const purchase = {
  key: 'purchase-docs',
  name: 'Purchase with documents',
  parameters: [
    { id: 'client', type: 'string', required: true },
    { id: 'amount', type: 'number', required: true },
  ],
  nodes: [
    { id: 'start', type: 'start' },
    {
      id: 'invoice',
      type: 'createDocument',
      config: {
        template: 'invoice',
        fileName: 'Счёт {{ client }}',
        format: 'pdf',
        data: { client: 'client', amount: 'string(amount)', items: "[{'name': 'Кирпич', 'qty': 500}]" },
      },
    },
    {
      id: 'contract',
      type: 'createDocument',
      config: { template: 'contract', fileName: 'contract', format: 'docx', data: { client: 'client' } },
    },
    { id: 'sign', type: 'userTask', config: { title: 'Sign', assignees: ["'admin'"] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'invoice' },
    { id: 'f2', source: 'invoice', target: 'contract' },
    { id: 'f3', source: 'contract', target: 'sign' },
    { id: 'f4', source: 'sign', target: 'end' },
  ],
};
export const INVOICE = '# Счёт для {client}\nСумма: {amount}\n{#items}\n- {name}: {qty}\n{/items}';
export const base64 = (b: Buffer) => b.toString('base64');

/** `PUT /document-templates/{key}` as the administrator. */
export const putTemplate = (a: Api, key: string, body: unknown) =>
  a.call('PUT', `/api/v1/document-templates/${key}`, body);

/** The suite's templates (invoice: text; contract: DOCX), the purchase process, and Emma, who takes no part. */
export async function setUpDocuments(a: Api): Promise<void> {
  if ((await a.call('GET', '/api/v1/document-templates/invoice')).statusCode === 200) return;
  expect((await putTemplate(a, 'invoice', { name: 'Счёт', kind: 'text', text: INVOICE })).statusCode).toBe(
    201,
  );
  const contract = base64(docxWith('Договор с {client}'));
  expect(
    (await putTemplate(a, 'contract', { name: 'Договор', kind: 'docx', content: contract })).statusCode,
  ).toBe(201);
  await a.publish(purchase);
  await createUser(a, { id: 'emma' });
}

import type { BatonPlugin } from '@baton/server/plugin';

/**
 * A custom activity: "Create an invoice in the ERP". It posts the invoice to the company's ERP over its HTTP
 * API (`ERP_URL`, `ERP_TOKEN`) and answers the invoice's number and link. Start Baton with
 * `BATON_PLUGINS=examples/plugins/erp-invoice.ts` and the designer offers it under "Documents".
 */
export default {
  activities: [
    {
      type: 'erp.createInvoice',
      name: { en: 'Create an invoice in the ERP', ru: 'Создать счёт в ERP' },
      description: {
        en: 'Posts the invoice to the ERP and answers its number and link',
        ru: 'Передаёт счёт в ERP и получает его номер и ссылку',
      },
      category: 'documents',
      inputs: [
        { id: 'client', name: 'Client', type: 'string', required: true },
        { id: 'amount', name: 'Amount', type: 'money', required: true },
      ],
      outputs: [
        { id: 'number', name: 'Invoice number', type: 'string' },
        { id: 'url', name: 'Link to the invoice', type: 'string' },
      ],
      async run(input, { idempotencyKey, signal, fail }) {
        const response = await fetch(new URL('invoices', process.env.ERP_URL), {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${process.env.ERP_TOKEN ?? ''}`,
            // The ERP creates one invoice per key, however often a retry repeats the call.
            'idempotency-key': idempotencyKey,
          },
          body: JSON.stringify(input),
          signal,
        });
        // A refusal is the process's business (an error boundary may route it); anything else is retried.
        if (response.status === 422)
          fail('ERP_REFUSED', ((await response.json()) as { message: string }).message);
        if (!response.ok) throw new Error(`the ERP answered ${response.status}`);
        const invoice = (await response.json()) as { number: string; url: string };
        return { number: invoice.number, url: invoice.url };
      },
    },
  ],
} satisfies BatonPlugin;

import { z } from 'zod';
import { defineActivity, recordExpressions } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** Changes fields of the process's document (the deal, lead, …); the runtime writes them to the CRM item. */
export const setFields = defineActivity({
  type: 'setFields',
  category: 'crm',
  configSchema: z.strictObject({ fields: z.record(z.string(), z.string()) }),
  expressions: (c) => recordExpressions('fields', c.fields),
  start(ctx) {
    const fields = evaluateRecord(ctx, ctx.config.fields);
    ctx.setDocumentFields(fields);
    ctx.effect({ type: 'updateDocument', fields });
    return 'complete';
  },
});

import { z } from 'zod';
import { defineActivity, recordExpressions, templateAt } from './plugin.ts';
import { evaluateRecord } from './values.ts';

/** Generates a document (contract, invoice, act) from a template with data from the process. */
export const createDocument = defineActivity({
  type: 'createDocument',
  category: 'documents',
  configSchema: z.strictObject({
    template: z.string().min(1),
    fileName: z.string().min(1),
    format: z.enum(['docx', 'pdf']).default('pdf'),
    data: z.record(z.string(), z.string()).default({}),
  }),
  expressions: (c) => [...templateAt('fileName', c.fileName), ...recordExpressions('data', c.data)],
  start(ctx) {
    const { template, fileName, format, data } = ctx.config;
    ctx.effect({
      type: 'createDocument',
      template,
      fileName: ctx.render(fileName),
      format,
      data: evaluateRecord(ctx, data),
    });
    return 'complete';
  },
});

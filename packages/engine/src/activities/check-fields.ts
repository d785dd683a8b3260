import { z } from 'zod';
import { defineActivity } from './plugin.ts';

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks that document fields (`document.x`) or variables are filled; if not, throws a BPMN error that an
 * error boundary event can catch (e.g. to send the item back for completion).
 */
export const checkFields = defineActivity({
  type: 'checkFields',
  category: 'crm',
  configSchema: z.strictObject({
    fields: z.array(z.string().min(1)).min(1),
    errorCode: z.string().min(1).default('FIELDS_MISSING'),
  }),
  expressions: () => [],
  start(ctx) {
    const missing = ctx.config.fields.filter((f) =>
      isEmpty(f.startsWith('document.') ? ctx.documentField(f.slice('document.'.length)) : ctx.variable(f)),
    );
    if (missing.length === 0) return 'complete';
    ctx.throwError(ctx.config.errorCode, `required fields are empty: ${missing.join(', ')}`);
    return 'complete';
  },
});

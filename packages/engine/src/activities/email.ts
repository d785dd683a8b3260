import { z } from 'zod';
import { defineActivity, listExpressions, templateAt } from './plugin.ts';
import { evaluateList } from './values.ts';

/** At most this many documents go with one e-mail. */
export const MAX_ATTACHMENTS = 10;

/**
 * An e-mail, queued in the outbox; `to`/`cc` are expressions giving addresses or user references.
 * `attachments` names createDocument activities of the process: the documents they made go with it;
 * `files` are expressions giving files the process was given (its `file` fields: `contract`).
 */
export const email = defineActivity({
  type: 'email',
  category: 'messages',
  configSchema: z.strictObject({
    to: z.array(z.string()).min(1),
    cc: z.array(z.string()).default([]),
    subject: z.string().min(1),
    body: z.string(),
    attachments: z
      .array(z.string().min(1))
      .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} documents`)
      .default([])
      .describe('Ids of createDocument activities whose documents go with the e-mail'),
    files: z
      .array(z.string().min(1))
      .max(MAX_ATTACHMENTS, `at most ${MAX_ATTACHMENTS} files`)
      .default([])
      .describe(
        'Expressions giving files of the process — its file fields, e.g. contract — to go with the e-mail',
      ),
  }),
  expressions: (c) => [
    ...listExpressions('to', c.to),
    ...listExpressions('cc', c.cc),
    ...templateAt('subject', c.subject),
    ...templateAt('body', c.body),
    ...listExpressions('files', c.files),
  ],
  start(ctx) {
    const { to, cc, subject, body, attachments } = ctx.config;
    const files = evaluateList(ctx, ctx.config.files);
    ctx.effect({
      type: 'sendEmail',
      to: evaluateList(ctx, to),
      cc: evaluateList(ctx, cc),
      subject: ctx.render(subject),
      body: ctx.render(body),
      ...(attachments.length > 0 ? { attachments } : {}),
      ...(files.length > 0 ? { files } : {}),
    });
    return 'complete';
  },
});

import type { Effect } from '@baton/engine';
import { type JobHandler, payloadOf } from '../jobs/handler.ts';
import { PermanentFailure } from '../jobs/handlers/webhook.ts';
import { recipientsOf } from '../notifications/recipients.ts';
import { type SmsSettings, smsGatewayOf } from './settings.ts';

type SendSms = Extract<Effect, { type: 'sendSms' }>;

const TIMEOUT_MS = 15_000;

/** Numbers as gateways take them: digits only (`+7 (900) 123-45-67` → `79001234567`). */
const digits = (phone: string) => phone.replace(/\D/g, '');

/**
 * Sends a process's SMS through the HTTP gateway, at least once: one GET with every number (comma-
 * separated) in `{to}` and the text in `{text}`. Recipients are numbers or references to people (each
 * person's phone). A 4xx answer (but 408 and 429) is final; a 5xx, a timeout or an answer without the
 * success text is retried with back-off.
 */
export function smsHandler(settings: SmsSettings): JobHandler {
  const gateway = smsGatewayOf(settings);
  return {
    kind: 'sendSms',
    async run(rt, job, finish) {
      const e = payloadOf<SendSms>(job);
      const { addresses, unreachable } = await recipientsOf(rt, rt.db.kysely, e.to, 'phone');
      if (addresses.length === 0)
        throw new PermanentFailure(
          `SMS at ${e.nodeId}: no recipient has a phone number (${unreachable.join(', ')})`,
        );
      if (unreachable.length > 0)
        rt.log.warn({ job: job.key, nodeId: e.nodeId, unreachable }, 'SMS sent without some recipients');
      const url = settings.urlTemplate
        .replaceAll('{to}', encodeURIComponent(addresses.map(digits).join(',')))
        .replaceAll('{text}', encodeURIComponent(e.text));
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      const answer = await response.text();
      const said = `the SMS gateway ${gateway} answered ${response.status}: ${answer.slice(0, 200)}`;
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      )
        throw new PermanentFailure(`SMS at ${e.nodeId}: ${said}`);
      if (!response.ok || (settings.success !== null && !answer.includes(settings.success)))
        throw new Error(`SMS at ${e.nodeId}: ${said}`);
      await finish();
    },
  };
}

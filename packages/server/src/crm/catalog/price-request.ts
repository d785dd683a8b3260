import { type CompiledExpression, createExpressionEnvironment, ExpressionError } from '@baton/engine';
import type { Kysely } from 'kysely';
import { demand } from '../../access/abilities.ts';
import type { Caller } from '../../access/caller.ts';
import type { CrmPriceListsTable, Database } from '../../db/schema.ts';
import { enqueue } from '../../jobs/enqueue.ts';
import { type JobHandler, payloadOf } from '../../jobs/handler.ts';
import { PermanentFailure } from '../../jobs/handlers/webhook.ts';
import { announceJobs } from '../../jobs/notify-channel.ts';
import type { Runtime } from '../../runtime/context.ts';
import { Unprocessable } from '../../runtime/errors.ts';
import {
  DAY_MS,
  PRICE_REQUEST_JOB,
  type PriceRequestJob,
  pricesSince,
  schedulePriceRequest,
} from './price-lists.ts';

/** The letter that asks a supplier for new prices: `{{ }}` templates reading `priceList`. */
export interface PriceRequestSettings {
  enabled: boolean;
  subject: string;
  message: string;
}

const KEY = 'crm.priceRequest';

/** Suppliers in the brief are Russian factories: the letter starts in Russian, and the company edits it. */
export const DEFAULT_PRICE_REQUEST: PriceRequestSettings = {
  enabled: true,
  subject: 'Запрос актуального прайс-листа — {{ priceList.name }}',
  message:
    'Здравствуйте!\n\nПоследний прайс-лист «{{ priceList.name }}» мы получили {{ priceList.days }} дн. назад. ' +
    'Пришлите, пожалуйста, актуальные цены в ответ на это письмо.\n\nСпасибо!',
};

const environment = createExpressionEnvironment([{ name: 'priceList', type: 'map' }]);

function compile(source: string, path: string): CompiledExpression {
  const compiled = environment.compile(source, 'template');
  if (!compiled.ok || compiled.problem) {
    const message = (compiled.problem as { message: string }).message;
    throw new Unprocessable(`${path}: ${message}`, [{ path, message }], 'INVALID_TEMPLATE');
  }
  return compiled.expression;
}

export async function readPriceRequestSettings(db: Kysely<Database>): Promise<PriceRequestSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as PriceRequestSettings) : DEFAULT_PRICE_REQUEST;
}

/** Both templates must parse (422 at the field that does not). */
export async function savePriceRequestSettings(
  rt: Runtime,
  caller: Caller,
  settings: PriceRequestSettings,
): Promise<PriceRequestSettings> {
  demand(caller, 'manageCrm', 'changing the price request');
  compile(settings.subject, 'body.subject');
  compile(settings.message, 'body.message');
  const value = JSON.stringify(settings);
  await rt.db.kysely
    .insertInto('settings')
    .values({ key: KEY, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return settings;
}

/**
 * The robot that mails a supplier whose prices are stale (PRODUCT.md, "CRM"). It acts only if no
 * prices came since it was scheduled and the period is the same; then the letter goes out as an
 * e-mail job (the outbox shows it, SMTP delivers it) and the next request is set a period later.
 */
export const priceRequestHandler: JobHandler = {
  kind: PRICE_REQUEST_JOB,
  async run(rt, job, finish) {
    const { priceListId, since, days, n } = payloadOf<PriceRequestJob>(job);
    const db = rt.db.kysely;
    const list = await db
      .selectFrom('crm_price_lists')
      .selectAll()
      .where('id', '=', priceListId)
      .executeTakeFirst();
    if (!list || pricesSince(list) !== since || list.stale_after_days !== days) return finish();
    const settings = await readPriceRequestSettings(db);
    const now = rt.now();
    const letter = settings.enabled && list.email ? letterOf(settings, list, now) : null;
    await db.transaction().execute(async (trx) => {
      if (letter) {
        const key = `${job.key}:mail`;
        const mail = { type: 'sendEmail', nodeId: `priceList:${list.id}`, to: [list.email], ...letter };
        await enqueue(trx, [{ kind: 'sendEmail', key, instanceId: null, payload: mail, dueAt: now }], now);
        await trx
          .updateTable('crm_price_lists')
          .set({ requested_at: now })
          .where('id', '=', list.id)
          .execute();
        await announceJobs(rt.db, trx);
      }
      await schedulePriceRequest(rt.db, trx, list, now, n + 1);
      await finish(trx);
    });
  },
};

function letterOf(settings: PriceRequestSettings, list: CrmPriceListsTable, now: number) {
  const since = pricesSince(list);
  const values = {
    priceList: {
      name: list.name,
      email: list.email,
      pricesUpdatedAt: list.prices_updated_at === null ? null : new Date(since).toISOString().slice(0, 10),
      days: Math.floor((now - since) / DAY_MS),
    },
  };
  try {
    return {
      subject: String(compile(settings.subject, 'subject').evaluate({ values, now })),
      body: String(compile(settings.message, 'message').evaluate({ values, now })),
    };
  } catch (error) {
    if (error instanceof ExpressionError || error instanceof Unprocessable)
      throw new PermanentFailure(`the price request for ${list.name}: ${error.message}`);
    throw error;
  }
}

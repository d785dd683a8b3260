import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EventWebhook } from '../../src/api/webhooks.ts';
import { newWebhookDraft, switchedWebhook, webhookBody } from '../../src/webhooks/webhook-draft.ts';
import { EVENT_GROUPS, eventLabelKey, inEventOrder } from '../../src/webhooks/webhook-events.ts';

const hook = (over: Partial<EventWebhook> = {}): EventWebhook => ({
  id: 'h1',
  url: 'https://crm.example/hooks/baton',
  events: ['deal.moved', 'instance.started'],
  definitionKey: 'purchase-approval',
  active: true,
  createdBy: 'admin',
  createdAt: '2026-05-12T10:00:00.000Z',
  updatedAt: '2026-05-12T10:00:00.000Z',
  ...over,
});

/** A namespace's word at a dotted key, as i18next looks it up. */
const wordAt = (language: string, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (at, part) => (at as Record<string, unknown> | undefined)?.[part],
      JSON.parse(
        readFileSync(new URL(`../../src/i18n/locales/${language}/webhooks.json`, import.meta.url), 'utf8'),
      ),
    );

describe('the webhook events', () => {
  it('are offered in four groups, each event once, in the server’s order', () => {
    expect(EVENT_GROUPS.map(({ group, events }) => [group, events])).toEqual([
      ['processes', ['instance.started', 'instance.completed', 'instance.failed', 'instance.terminated']],
      ['tasks', ['task.created', 'task.completed']],
      ['deals', ['deal.created', 'deal.moved']],
      ['leads', ['lead.created', 'lead.moved']],
    ]);
  });

  it('each have a readable name in Russian and in English', () => {
    for (const { events } of EVENT_GROUPS)
      for (const event of events)
        for (const language of ['en', 'ru'])
          expect(wordAt(language, eventLabelKey(event))).toEqual(expect.any(String));
    expect(wordAt('ru', eventLabelKey('deal.moved'))).toBe('Сделка перешла на другую стадию');
  });

  it('are put in the form’s order, once each, however they were ticked', () => {
    expect(inEventOrder(['lead.moved', 'task.created', 'lead.moved', 'instance.failed'])).toEqual([
      'instance.failed',
      'task.created',
      'lead.moved',
    ]);
  });
});

describe('the webhook dialog', () => {
  it('sends a new webhook for every template, switched on, its URL trimmed', () => {
    const draft = {
      ...newWebhookDraft(),
      url: '  https://crm.example/in  ',
      events: ['deal.created' as const],
    };
    expect(webhookBody(draft)).toEqual({
      url: 'https://crm.example/in',
      events: ['deal.created'],
      definitionKey: null,
      active: true,
    });
  });

  it('switches a stored webhook off sending every other setting as it is', () => {
    expect(switchedWebhook(hook(), false)).toEqual({
      url: 'https://crm.example/hooks/baton',
      events: ['instance.started', 'deal.moved'],
      definitionKey: 'purchase-approval',
      active: false,
    });
  });
});

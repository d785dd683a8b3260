import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../src/i18n/locales/en/notifications.json' with { type: 'json' };
import ru from '../../src/i18n/locales/ru/notifications.json' with { type: 'json' };
import { notificationLink, notificationText } from '../../src/notifications/notice.ts';

/** The app's translations of notifications, in `language`. */
async function translations(language: 'en' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init({ lng: language, resources: { en: { notifications: en }, ru: { notifications: ru } } });
  return instance.t;
}

describe('what a notification says', () => {
  const overdue = {
    text: 'Overdue: "Approve" (ann, bob)',
    message: { key: 'taskOverdue' as const, title: 'Approve', late: ['ann', 'bob'] },
  };
  const reminder = {
    text: 'Reminder: "Approve" is due 2030-01-08T09:00:00.000Z',
    message: { key: 'taskReminder' as const, title: 'Approve', dueAt: '2030-01-08T09:00:00.000Z' },
  };

  it("words Baton's own notices in the reader's language", async () => {
    const russian = await translations('ru');
    expect(notificationText(overdue, russian, 'ru')).toBe('Просрочено: «Approve» (ann, bob)');
    expect(notificationText(reminder, russian, 'ru')).toMatch(/^Напоминание: «Approve», срок .*2030/);
    const english = await translations('en');
    expect(notificationText(overdue, english, 'en')).toBe('Overdue: “Approve” (ann, bob)');
  });

  it("shows a template's own text as written", async () => {
    const russian = await translations('ru');
    expect(notificationText({ text: 'Заказ A-1 отгружен', message: null }, russian, 'ru')).toBe(
      'Заказ A-1 отгружен',
    );
  });

  it("words a client's letter, and leads to the deal or lead it came on", async () => {
    const letter = {
      text: 'A letter from Анна: “Цены”',
      message: { key: 'crmLetter' as const, from: 'Анна', subject: 'Цены' },
    };
    expect(notificationText(letter, await translations('ru'), 'ru')).toBe('Письмо от Анна: «Цены»');
    expect(notificationLink({ instanceId: null, nodeId: 'lead:L 1' })).toBe('/crm/leads/L%201');
    expect(notificationLink({ instanceId: null, nodeId: 'deal:d1' })).toBe('/crm/deals/d1');
    expect(notificationLink({ instanceId: 'i1', nodeId: 'review' })).toBe('/processes/i1');
    expect(notificationLink({ instanceId: null, nodeId: 'robot:r1' })).toBeNull();
  });
});

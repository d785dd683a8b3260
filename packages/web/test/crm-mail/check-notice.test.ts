import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkNotice } from '../../src/crm-mail/check-notice.ts';
import en from '../../src/i18n/locales/en/mail.json' with { type: 'json' };
import ru from '../../src/i18n/locales/ru/mail.json' with { type: 'json' };

/** The app's mail translations, in `language`. */
async function translations(language: 'en' | 'ru') {
  const instance = i18next.createInstance();
  await instance.init({
    lng: language,
    resources: { en: { mail: en }, ru: { mail: ru } },
    showSupportNotice: false,
  });
  return instance.t;
}

const took = { fetched: 50, leads: 2, error: null, more: false };

describe('what "Check now" says', () => {
  it('counts the letters and leads it took', async () => {
    expect(checkNotice('Sales', took, await translations('en'))).toEqual({
      color: 'green',
      message: '“Sales” checked: 50 new letters, 2 new leads.',
    });
  });

  it('says that more letters wait when one check did not take them all', async () => {
    expect(checkNotice('Sales', { ...took, more: true }, await translations('en'))).toEqual({
      color: 'green',
      message:
        '“Sales” checked: 50 new letters, 2 new leads. More letters are waiting: they will be taken shortly.',
    });
    expect(checkNotice('Продажи', { ...took, more: true }, await translations('ru')).message).toBe(
      '«Продажи» проверен: 50 новых писем, 2 новых лида. Есть ещё новые письма: они будут загружены в ближайшее время.',
    );
  });

  it('says why it failed', async () => {
    expect(checkNotice('Sales', { ...took, error: 'connection refused' }, await translations('en'))).toEqual({
      color: 'red',
      message: '“Sales” could not be checked: connection refused',
    });
  });
});

export type Language = 'en' | 'ru';

export const languageNames: Record<Language, string> = { en: 'English', ru: 'Русский' };

const en = {
  tagline: 'Self-hosted business processes and CRM automation.',
  language: 'Language',
  server: 'Server',
  health: { checking: 'checking…', ok: 'running', down: 'unreachable' },
};

export type Messages = typeof en;

export const messages: Record<Language, Messages> = {
  en,
  ru: {
    tagline: 'Бизнес-процессы и автоматизация CRM на вашем сервере.',
    language: 'Язык',
    server: 'Сервер',
    health: { checking: 'проверка…', ok: 'работает', down: 'недоступен' },
  },
};

/** The first supported language among the browser's preferences, English otherwise. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-', 1)[0];
    if (base === 'en' || base === 'ru') return base;
  }
  return 'en';
}

import i18next, { type Resource } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { initialLanguage, LANGUAGES, type Language, rememberLanguage } from './language.ts';

/**
 * Every namespace of every language, bundled: locales/<language>/<namespace>.json. A domain adds a
 * namespace by adding the two files (the designer owns designer.json); test/i18n.test.ts checks that
 * both languages have the same keys.
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export function resourcesOf(modules: Record<string, Record<string, unknown>>): Resource {
  const resources: Resource = {};
  for (const [path, content] of Object.entries(modules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language = '', namespace = ''] = match;
    resources[language] ??= {};
    (resources[language] as Record<string, unknown>)[namespace] = content;
  }
  return resources;
}

const resources = resourcesOf(files);

i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

const syncDocument = (language: string) => {
  document.documentElement.lang = language;
};
syncDocument(i18next.language);
i18next.on('languageChanged', syncDocument);

export { i18next };

/** The interface language and a switch that remembers the choice. */
export function useLanguage(): [Language, (language: Language) => void] {
  const { i18n } = useTranslation();
  const language = (LANGUAGES as readonly string[]).includes(i18n.language)
    ? (i18n.language as Language)
    : 'en';
  return [
    language,
    (next) => {
      rememberLanguage(next);
      void i18n.changeLanguage(next);
    },
  ];
}

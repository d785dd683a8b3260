import i18next, { type BackendModule, type Resource, type ResourceKey } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { initialLanguage, LANGUAGES, type Language, rememberLanguage } from './language.ts';

/**
 * Every namespace of every language: locales/<language>/<namespace>.json. A domain adds a namespace by
 * adding the two files (the designer owns designer.json); test/i18n.test.ts checks that both languages
 * have the same keys. Most are bundled; those only lazily loaded pages read (`LAZY`) come with them, so
 * a phone's first download does not carry the designer's and the CRM's words.
 */
const files = import.meta.glob<Record<string, unknown>>(
  [
    './locales/*/*.json',
    '!./locales/*/designer.json',
    '!./locales/*/crm.json',
    '!./locales/*/robots.json',
    '!./locales/*/triggers.json',
    '!./locales/*/crmFields.json',
    '!./locales/*/leads.json',
    '!./locales/*/webForms.json',
    '!./locales/*/crmImport.json',
    '!./locales/*/quotes.json',
    '!./locales/*/catalog.json',
    '!./locales/*/crmAccess.json',
    '!./locales/*/salesReport.json',
    '!./locales/*/activities.json',
    '!./locales/*/mail.json',
    '!./locales/*/lists.json',
    '!./locales/*/drive.json',
    '!./locales/*/webhooks.json',
  ],
  { eager: true, import: 'default' },
);
const lazyFiles = import.meta.glob<Record<string, unknown>>(
  [
    './locales/*/designer.json',
    './locales/*/crm.json',
    './locales/*/robots.json',
    './locales/*/triggers.json',
    './locales/*/crmFields.json',
    './locales/*/leads.json',
    './locales/*/webForms.json',
    './locales/*/crmImport.json',
    './locales/*/quotes.json',
    './locales/*/catalog.json',
    './locales/*/crmAccess.json',
    './locales/*/salesReport.json',
    './locales/*/activities.json',
    './locales/*/mail.json',
    './locales/*/lists.json',
    './locales/*/drive.json',
    './locales/*/webhooks.json',
  ],
  { import: 'default' },
);

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

/** Loads a lazy namespace when a page first asks for it (react-i18next suspends it meanwhile). */
const lazyNamespaces: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = lazyFiles[`./locales/${language}/${namespace}.json`];
    if (!load) return callback(null, {});
    load().then(
      (content) => callback(null, content as ResourceKey),
      (error: unknown) => callback(error as Error, null),
    );
  },
};

i18next
  .use(lazyNamespaces)
  .use(initReactI18next)
  .init({
    resources,
    partialBundledLanguages: true,
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

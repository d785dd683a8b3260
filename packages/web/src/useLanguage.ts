import { useEffect, useState } from 'react';
import { detectLanguage, type Language, languageNames } from './i18n.ts';

const storageKey = 'baton.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (saved !== null && Object.hasOwn(languageNames, saved)) return saved as Language;
  return detectLanguage(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

/** The interface language: the user's explicit choice if any, else the browser's. */
export function useLanguage(): [Language, (language: Language) => void] {
  const [language, setLanguage] = useState(initialLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = (next: Language) => {
    localStorage.setItem(storageKey, next);
    setLanguage(next);
  };
  return [language, choose];
}

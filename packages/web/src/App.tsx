import { type Language, languageNames, messages } from './i18n.ts';
import { useHealth } from './useHealth.ts';
import { useLanguage } from './useLanguage.ts';

export function App() {
  const [language, setLanguage] = useLanguage();
  const health = useHealth();
  const t = messages[language];

  return (
    <main className="page">
      <header className="header">
        <h1>Baton</h1>
        <fieldset className="language">
          <legend className="visually-hidden">{t.language}</legend>
          {(Object.keys(languageNames) as Language[]).map((code) => (
            <button
              key={code}
              type="button"
              aria-pressed={code === language}
              onClick={() => setLanguage(code)}
            >
              {languageNames[code]}
            </button>
          ))}
        </fieldset>
      </header>
      <p className="tagline">{t.tagline}</p>
      <p className="health" data-health={health} aria-live="polite">
        <span className="dot" aria-hidden="true" />
        {t.server}: {t.health[health]}
      </p>
    </main>
  );
}

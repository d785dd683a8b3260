import type { ServiceDescriptor } from '@baton/engine';

/** What a node type is called where a person sees it (palette, canvas, properties), and its hint. */
export interface TypeNames {
  name(type: string): string;
  hint(type: string): string;
}

/** A translation lookup: a key of the designer's words, and what to show when there is none. */
export type Translate = (key: string, options: { defaultValue: string }) => string;

/** A plugin's wording in the interface language: Russian when it gives one and the interface is Russian. */
export const wordingIn = (wording: { en: string; ru?: string | undefined }, language: string): string =>
  (language === 'ru' ? wording.ru : undefined) ?? wording.en;

/**
 * Names of Baton's own types come from the designer's translations; a plugin's activity names itself in
 * its descriptor (the server's list), which no translation file knows.
 */
export function typeNames(t: Translate, services: readonly ServiceDescriptor[], language: string): TypeNames {
  const byType = new Map(services.map((s) => [s.type, s]));
  const name = (type: string) => {
    const service = byType.get(type);
    return service ? wordingIn(service.name, language) : t(`types.${type}`, { defaultValue: type });
  };
  return {
    name,
    hint: (type) => {
      const service = byType.get(type);
      if (!service) return t(`typeHints.${type}`, { defaultValue: name(type) });
      return service.description ? wordingIn(service.description, language) : name(type);
    },
  };
}

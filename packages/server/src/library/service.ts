import type { TemplateIcon } from '@baton/engine';
import { demand } from '../access/abilities.ts';
import type { Caller } from '../access/caller.ts';
import { publishDefinition, putDraft } from '../definitions/service.ts';
import { latestVersion } from '../definitions/store.ts';
import { readerLanguage } from '../mail/task-message.ts';
import { addMissingRoles } from '../org/roles.ts';
import type { Runtime } from '../runtime/context.ts';
import { Conflict, NotFound } from '../runtime/errors.ts';
import { LIBRARY, libraryTemplate, rolesOf } from './catalogue.ts';
import { LIBRARY_ROLES } from './roles.ts';
import { type Language, localize } from './texts.ts';

export interface LibraryItem {
  key: string;
  name: string;
  description: string;
  icon: TemplateIcon | null;
  /** The roles its tasks go to; installing creates the missing ones. */
  roles: string[];
  /** Whether a template with this key exists (installed, or made by hand under the same key). */
  installed: boolean;
}

export interface Installed {
  key: string;
  version: number;
  status: 'draft' | 'published';
  /** The roles the install created (those that did not exist). */
  rolesCreated: string[];
}

/** The library of standard processes in the caller's language, each saying whether its key is taken. */
export async function listLibrary(rt: Runtime, caller: Caller, asked?: Language): Promise<LibraryItem[]> {
  demand(caller, 'administerProcesses', 'the library of standard processes');
  const language = asked ?? (await languageOf(rt, caller));
  const taken = await Promise.all(LIBRARY.map((t) => latestVersion(rt.db.kysely, t.key)));
  return LIBRARY.map((t, i) => ({
    key: t.key,
    name: t.texts[language].name,
    description: t.texts[language].description,
    icon: t.icon ?? null,
    roles: rolesOf(t),
    installed: taken[i] !== null,
  }));
}

/**
 * Installs a library template in the caller's language as a draft of `definitionKey` (default: the
 * template's key) — the same way a draft saved in the designer is stored — and publishes it when asked.
 * The roles it gives tasks to are created where missing. A key already taken — or taken by another
 * install at the same moment — is 409 DEFINITION_EXISTS: the template is never written over; the caller
 * picks another key.
 */
export async function installTemplate(
  rt: Runtime,
  caller: Caller,
  key: string,
  options: {
    definitionKey?: string | undefined;
    publish?: boolean | undefined;
    language?: Language | undefined;
  },
): Promise<Installed> {
  demand(caller, 'administerProcesses', 'installing a standard process');
  const template = libraryTemplate(key);
  if (!template) throw new NotFound('library template', key);
  const target = options.definitionKey ?? key;
  const taken = () =>
    new Conflict(`a template ${target} exists: install under another definitionKey`, 'DEFINITION_EXISTS', [
      { path: 'body.definitionKey', message: `${target} is taken` },
    ]);
  if ((await latestVersion(rt.db.kysely, target)) !== null) throw taken();
  const language = options.language ?? (await languageOf(rt, caller));
  const rolesCreated = await addMissingRoles(
    rt,
    rolesOf(template).map((name) => ({ name, title: LIBRARY_ROLES[name]?.[language] ?? name })),
  );
  const definition = { ...localize(template, language), key: target };
  const draft = await putDraft(rt, caller, target, definition, true).catch((error: unknown) => {
    throw error instanceof Conflict ? taken() : error;
  });
  if (!options.publish) return { key: target, version: draft.version, status: 'draft', rolesCreated };
  const published = await publishDefinition(rt, caller, target);
  return { key: target, version: published.version, status: 'published', rolesCreated };
}

/** The language of the caller's locale (Russian for `ru…`, else English), when none is asked for. */
async function languageOf(rt: Runtime, caller: Caller): Promise<Language> {
  const user = await rt.db.kysely
    .selectFrom('users')
    .select('locale')
    .where('id', '=', caller.userId)
    .executeTakeFirst();
  return readerLanguage(user?.locale ?? null);
}

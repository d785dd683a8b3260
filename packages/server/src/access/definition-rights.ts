import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { FieldError } from '../http/problem.ts';
import { missing, rejectIfAny } from '../org/checks.ts';
import type { Runtime } from '../runtime/context.ts';
import { Forbidden, NotFound } from '../runtime/errors.ts';
import { toIso } from '../util/time.ts';
import { can } from './abilities.ts';
import type { Caller } from './caller.ts';

/**
 * Per-template rights, stored per definition key (so they hold for every version):
 * - `start` — who may start it (default: everyone);
 * - `view` — who may see all of its instances, beyond the participants' own view (default: nobody);
 * - `edit` — who may change drafts, publish and set these rights (default: nobody).
 * Process administrators and administrators hold all three on every template. Each list holds
 * subjects: `everyone`, `user:<id>`, `role:<name>`, `department:<id>` (members of it and of the
 * departments below it), `group:<name>`.
 */
export const RIGHTS = ['start', 'view', 'edit'] as const;
export type Right = (typeof RIGHTS)[number];
export type Rights = Record<Right, string[]>;

export const DEFAULT_RIGHTS: Rights = { start: ['everyone'], view: [], edit: [] };

export interface RightsView extends Rights {
  key: string;
  /** False while the defaults apply (nothing was ever set). */
  explicit: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** What a caller may do with one template. `see`: it exists for them (else 404 everywhere). */
export interface TemplateAccess extends Record<Right, boolean> {
  see: boolean;
}

async function storedRights(db: Kysely<Database>, key: string) {
  return db.selectFrom('definition_rights').selectAll().where('definition_key', '=', key).executeTakeFirst();
}

export async function templateAccess(
  db: Kysely<Database>,
  caller: Caller,
  key: string,
): Promise<TemplateAccess> {
  if (can(caller, 'administerProcesses')) return { see: true, start: true, view: true, edit: true };
  const row = await storedRights(db, key);
  return accessFrom(caller, row ? (JSON.parse(row.rights) as Rights) : DEFAULT_RIGHTS);
}

/** Template access for many keys at once (lists); keys without stored rights get the defaults. */
export async function templateAccessAll(
  db: Kysely<Database>,
  caller: Caller,
  keys: readonly string[],
): Promise<Map<string, TemplateAccess>> {
  const all = { see: true, start: true, view: true, edit: true };
  if (can(caller, 'administerProcesses')) return new Map(keys.map((k) => [k, all]));
  const rows = await db.selectFrom('definition_rights').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.definition_key, JSON.parse(r.rights) as Rights]));
  const out = new Map<string, TemplateAccess>();
  for (const key of keys) out.set(key, await accessFrom(caller, stored.get(key) ?? DEFAULT_RIGHTS));
  return out;
}

/** Keys whose `view` right names the caller: they see every instance of those templates. */
export async function viewableKeys(db: Kysely<Database>, caller: Caller): Promise<string[]> {
  const rows = await db.selectFrom('definition_rights').selectAll().execute();
  const keys: string[] = [];
  for (const r of rows)
    if (await holds(caller, (JSON.parse(r.rights) as Rights).view)) keys.push(r.definition_key);
  return keys;
}

/** Whether the caller may edit some template, and so works in the designer: process administrators, or an `edit` right naming them. */
export async function editsSomeTemplate(db: Kysely<Database>, caller: Caller): Promise<boolean> {
  if (can(caller, 'administerProcesses')) return true;
  const rows = await db.selectFrom('definition_rights').select('rights').execute();
  for (const r of rows) if (await holds(caller, (JSON.parse(r.rights) as Rights).edit)) return true;
  return false;
}

async function accessFrom(caller: Caller, rights: Rights): Promise<TemplateAccess> {
  const seesAll = can(caller, 'seeAllWork');
  const [start, view, edit] = await Promise.all(RIGHTS.map((r) => holds(caller, rights[r])));
  return {
    start: start as boolean,
    view: seesAll || (view as boolean),
    edit: edit as boolean,
    see: seesAll || Boolean(start || view || edit),
  };
}

/** Whether a subject list names the caller. */
export async function holds(caller: Caller, subjects: readonly string[]): Promise<boolean> {
  if (subjects.includes('everyone') || subjects.includes(`user:${caller.userId}`)) return true;
  if (caller.roles.some((r) => subjects.includes(`role:${r}`))) return true;
  if (!subjects.some((s) => s.startsWith('department:') || s.startsWith('group:'))) return false;
  const { departments, groups } = await caller.membership();
  return (
    departments.some((d) => subjects.includes(`department:${d}`)) ||
    groups.some((g) => subjects.includes(`group:${g}`))
  );
}

export async function getRights(rt: Runtime, caller: Caller, key: string): Promise<RightsView> {
  const db = rt.db.kysely;
  await requireTemplate(db, key);
  const access = await templateAccess(db, caller, key);
  if (!access.see) throw new NotFound('definition', key);
  const row = await storedRights(db, key);
  return {
    key,
    ...(row ? (JSON.parse(row.rights) as Rights) : DEFAULT_RIGHTS),
    explicit: row !== undefined,
    updatedAt: row ? toIso(row.updated_at) : null,
    updatedBy: row?.updated_by ?? null,
  };
}

/** Replaces a template's rights; needs the edit right. Every subject must name something that exists. */
export async function setRights(
  rt: Runtime,
  caller: Caller,
  key: string,
  rights: Rights,
): Promise<RightsView> {
  const db = rt.db.kysely;
  await requireTemplate(db, key);
  const access = await templateAccess(db, caller, key);
  if (!access.see) throw new NotFound('definition', key);
  if (!access.edit) throw new Forbidden(`you may not change the rights of ${key}`);
  await checkSubjects(db, rights);
  const clean = Object.fromEntries(RIGHTS.map((r) => [r, [...new Set(rights[r])].sort()])) as Rights;
  const row = { rights: JSON.stringify(clean), updated_at: rt.now(), updated_by: caller.userId };
  await db
    .insertInto('definition_rights')
    .values({ definition_key: key, ...row })
    .onConflict((oc) => oc.column('definition_key').doUpdateSet(row))
    .execute();
  return getRights(rt, caller, key);
}

async function requireTemplate(db: Kysely<Database>, key: string): Promise<void> {
  const row = await db
    .selectFrom('definitions')
    .select('key')
    .where('key', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFound('definition', key);
}

const KINDS = { user: 'users', role: 'roles', department: 'departments', group: 'groups' } as const;

/** Every subject of each named list (`rights.<name>` at `<base>.<name>.<i>`) names something that exists; else 422. */
export async function checkSubjects(
  db: Kysely<Database>,
  rights: Readonly<Record<string, readonly string[]>>,
  base = 'body',
): Promise<void> {
  const errors: FieldError[] = [];
  const wanted = new Map<keyof typeof KINDS, string[]>();
  const located: { path: string; kind: keyof typeof KINDS; id: string }[] = [];
  for (const [right, subjects] of Object.entries(rights))
    subjects.forEach((subject, i) => {
      const path = `${base}.${right}.${i}`;
      if (subject === 'everyone') return;
      const colon = subject.indexOf(':');
      const kind = subject.slice(0, colon) as keyof typeof KINDS;
      const id = subject.slice(colon + 1);
      if (colon < 0 || !(kind in KINDS) || id === '') {
        errors.push({ path, message: 'everyone, user:<id>, role:<name>, department:<id> or group:<name>' });
        return;
      }
      wanted.set(kind, [...(wanted.get(kind) ?? []), id]);
      located.push({ path, kind, id });
    });
  const absent = new Map(
    await Promise.all(
      [...wanted].map(async ([kind, ids]) => [kind, await missing(db, KINDS[kind], ids)] as const),
    ),
  );
  for (const s of located)
    if (absent.get(s.kind)?.has(s.id)) errors.push({ path: s.path, message: `no ${s.kind} ${s.id}` });
  rejectIfAny(errors);
}

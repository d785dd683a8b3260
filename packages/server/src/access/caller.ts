import type { Actor } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { departmentAncestry } from '../org/store.ts';
import { SCOPES, type Scope } from './scopes.ts';

/** The id of the first administrator, created on the first start; the bootstrap admin token acts as them. */
export const BOOTSTRAP_ADMIN_ID = 'admin';

/** The built-in roles: seeded by the migration, held like any role, never removed. */
export const BUILTIN_ROLES = ['administrator', 'processAdministrator', 'owner'] as const;
export type BuiltinRole = (typeof BUILTIN_ROLES)[number];

/** Where a user belongs, for per-template rights: their department and those above it, their groups. */
export interface Membership {
  departments: readonly string[];
  groups: readonly string[];
}

/** Who is asking: the signed-in user (through a session, an API token or the bootstrap admin token). */
export interface Caller {
  readonly userId: string;
  /** Names of the roles held (company-wide or in some department), built-in roles included. */
  readonly roles: readonly string[];
  readonly via: 'session' | 'apiToken' | 'adminToken';
  readonly scopes: ReadonlySet<Scope>;
  /** Loaded on first use (only per-template rights need it), then kept for the request. */
  membership(): Promise<Membership>;
}

export const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);

/** A caller for `userId` with the roles they hold now. */
export async function callerFor(
  db: Kysely<Database>,
  userId: string,
  departmentId: string | null,
  via: Caller['via'],
  scopes: ReadonlySet<Scope>,
): Promise<Caller> {
  const roles = await rolesHeld(db, userId);
  let membership: Promise<Membership> | undefined;
  return {
    userId,
    roles,
    via,
    scopes,
    membership: () => {
      membership ??= membershipOf(db, userId, departmentId);
      return membership;
    },
  };
}

/** The bootstrap admin token: the first administrator, every scope, without reading the database. */
export function adminTokenCaller(): Caller {
  const membership: Membership = { departments: [], groups: [] };
  return {
    userId: BOOTSTRAP_ADMIN_ID,
    roles: ['administrator'],
    via: 'adminToken',
    scopes: ALL_SCOPES,
    membership: async () => membership,
  };
}

export async function rolesHeld(db: Kysely<Database>, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('role')
    .distinct()
    .where('user_id', '=', userId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

async function membershipOf(
  db: Kysely<Database>,
  userId: string,
  departmentId: string | null,
): Promise<Membership> {
  const [departments, groups] = await Promise.all([
    departmentId === null ? [] : departmentAncestry(db, departmentId),
    db.selectFrom('group_members').select('group_name').where('user_id', '=', userId).execute(),
  ]);
  return { departments, groups: groups.map((g) => g.group_name) };
}

/** The engine's actor for this caller (history `actor`, command guards). */
export const actorOf = (caller: Caller): Actor => ({ id: caller.userId, roles: [...caller.roles] });

/**
 * The assignee references that mean this caller until assignment resolution stores user ids: the user
 * id, `user:<id>` and `role:<name>` for every role held.
 */
export const personalRefs = (caller: Caller): string[] => [
  caller.userId,
  `user:${caller.userId}`,
  ...caller.roles.map((r) => `role:${r}`),
];

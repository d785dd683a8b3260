import type { Actor } from '@baton/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { Forbidden } from '../runtime/errors.ts';
import { actorOf, type BuiltinRole, type Caller, rolesHeld } from './caller.ts';

/**
 * What the built-in roles give, beyond what everyone may do (their own tasks, the processes they take
 * part in, the templates whose rights name them). One table, so the rules can be read in one place.
 */
export type Ability =
  /** Users, departments, roles, groups, import, password reset. */
  | 'manageOrganisation'
  /** Edit, publish and set the rights of every template; start any; terminate and retry instances; jobs and messages. */
  | 'administerProcesses'
  /** Every instance and every task, read-only. */
  | 'seeAllWork'
  /** The company-wide inbox `GET /tasks?scope=all` with its counts. */
  | 'companyInbox'
  /** Complete any open task (someone's work stuck while they are away). */
  | 'completeAnyTask'
  /** Hand any open task to someone else. */
  | 'delegateAnyTask'
  /** Record another user as the one acting (`startedBy`, `actor`): integrations acting on behalf. */
  | 'actForOthers'
  /** Create, change and delete CRM pipelines and their stages. */
  | 'manageCrm'
  /** Every deal, contact and company, whoever leads it. */
  | 'seeAllCrm'
  /** Create lists, set their fields and rights; read and write every list's records. */
  | 'manageLists'
  /** Create drive folders and set their rights; read and write every folder's files. */
  | 'manageFiles'
  /** The webhooks Baton's events go out through: every process's and every deal's events leave with them. */
  | 'manageWebhooks';

const GRANTED_BY: Record<Ability, readonly BuiltinRole[]> = {
  manageOrganisation: ['administrator'],
  administerProcesses: ['administrator', 'processAdministrator'],
  seeAllWork: ['administrator', 'processAdministrator', 'owner'],
  companyInbox: ['administrator', 'owner'],
  completeAnyTask: ['administrator'],
  delegateAnyTask: ['administrator', 'processAdministrator'],
  actForOthers: ['administrator'],
  manageCrm: ['administrator', 'processAdministrator'],
  seeAllCrm: ['administrator', 'processAdministrator', 'owner'],
  manageLists: ['administrator', 'processAdministrator'],
  manageFiles: ['administrator', 'processAdministrator'],
  manageWebhooks: ['administrator'],
};

export function can(caller: Caller, ability: Ability): boolean {
  return GRANTED_BY[ability].some((role) => caller.roles.includes(role));
}

/** Every ability the caller has, in the table's order. */
export function abilitiesOf(caller: Caller): Ability[] {
  return (Object.keys(GRANTED_BY) as Ability[]).filter((a) => can(caller, a));
}

/** Throws Forbidden unless the caller has the ability; for actions on no particular (hideable) thing. */
export function demand(caller: Caller, ability: Ability, what: string): void {
  if (!can(caller, ability))
    throw new Forbidden(`${what} needs the role ${GRANTED_BY[ability].join(' or ')}`, 'FORBIDDEN');
}

/**
 * The engine actor for an action: the caller, or — when an administrator names someone else — that
 * user with the roles they hold (recorded as given even when no such user exists: an integration's id).
 */
export async function actingAs(
  db: Kysely<Database>,
  caller: Caller,
  requested: string | undefined,
): Promise<Actor> {
  if (requested === undefined || requested === caller.userId) return actorOf(caller);
  demand(caller, 'actForOthers', 'acting for another user');
  return { id: requested, roles: await rolesHeld(db, requested) };
}

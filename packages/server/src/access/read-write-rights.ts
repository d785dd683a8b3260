import { z } from 'zod';
import { type Ability, can } from './abilities.ts';
import type { Caller } from './caller.ts';
import { holds } from './definition-rights.ts';

/**
 * Who reads a container's items (a list's records, a folder's files) and who adds, changes and deletes
 * them: subjects as in template rights. Holders of the container kind's managing ability do everything.
 */
export interface ReadWriteRights {
  read: string[];
  write: string[];
}

export const DEFAULT_READ_WRITE: ReadWriteRights = { read: ['everyone'], write: ['everyone'] };

export interface ReadWriteAccess {
  read: boolean;
  write: boolean;
  manage: boolean;
}

/** What the caller may do with a container whose rights are `rightsJson`; `manager`: the ability that manages its kind. */
export async function readWriteAccess(
  caller: Caller,
  rightsJson: string,
  manager: Ability,
): Promise<ReadWriteAccess> {
  if (can(caller, manager)) return { read: true, write: true, manage: true };
  const rights = JSON.parse(rightsJson) as ReadWriteRights;
  const write = await holds(caller, rights.write);
  return { read: write || (await holds(caller, rights.read)), write, manage: false };
}

const subjects = z
  .array(z.string().min(1).max(200))
  .max(200)
  .describe('everyone, user:<id>, role:<name>, department:<id> (and the departments below it), group:<name>');

export const readWriteRightsSchema = z
  .object({
    read: subjects.describe('Who reads (besides those who write)'),
    write: subjects.describe('Who adds, changes and deletes'),
  })
  .meta({ id: 'ReadWriteRights' });

import { createDirectory, type Directory, snapshotFromJson } from '@baton/engine';
import type { OrgSnapshotAnswer } from '../api.ts';

/** The organisation in a test run: the engine's directory, as the server builds it, and people's names. */
export interface RunDirectory {
  readonly directory: Directory;
  /** A user's display name; anything else (a reference no one matched) as written. */
  name(id: string): string;
}

/**
 * @example
 * const people = runDirectory(await call('GET /api/v1/org/directory'));
 * startRun(compiled, { starter: me.id }, { directory: people.directory });
 */
export function runDirectory(snapshot: OrgSnapshotAnswer): RunDirectory {
  const names = new Map(snapshot.users.map((u) => [u.id, u.name]));
  return {
    directory: createDirectory(snapshotFromJson(snapshot)),
    name: (id) => names.get(id) ?? id,
  };
}

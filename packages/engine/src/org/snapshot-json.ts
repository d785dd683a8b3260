import type { OrgSnapshot, SnapshotAbsence } from './directory.ts';

/**
 * An `OrgSnapshot` as plain JSON — lists instead of maps, ISO 8601 times — the way the server sends it
 * (`GET /api/v1/org/directory`) to clients that assign as it does, such as the designer's test run.
 * Extra fields (the server adds each user's display name) are allowed and ignored.
 */
export interface OrgSnapshotJson {
  users: { id: string; login: string; active: boolean; heads: string[] }[];
  departments: { id: string; parentId: string | null; headId: string | null }[];
  roles: OrgSnapshot['roles'][number][];
  groups: { name: string; members: string[] }[];
  /** `endsAt` is exclusive. */
  absences: {
    id: string;
    userId: string;
    kind: string;
    deputyId: string | null;
    startsAt: string;
    endsAt: string;
  }[];
}

export function snapshotToJson(org: OrgSnapshot): OrgSnapshotJson {
  return {
    users: [...org.users.values()].map((u) => ({ ...u, heads: [...(org.heads.get(u.id) ?? [])] })),
    departments: [...org.departments].map(([id, d]) => ({ id, ...d })),
    roles: [...org.roles],
    groups: [...org.groups].map(([name, members]) => ({ name, members: [...members] })),
    absences: [...org.absences.values()].flat().map(({ fromAt, toAt, ...a }) => ({
      ...a,
      startsAt: new Date(fromAt).toISOString(),
      endsAt: new Date(toAt).toISOString(),
    })),
  };
}

/**
 * The snapshot back from its JSON form.
 *
 * @example
 * const directory = createDirectory(snapshotFromJson(await (await fetch('/api/v1/org/directory')).json()));
 */
export function snapshotFromJson(json: OrgSnapshotJson): OrgSnapshot {
  const absences = new Map<string, SnapshotAbsence[]>();
  for (const { startsAt, endsAt, ...a } of json.absences)
    absences.set(a.userId, [
      ...(absences.get(a.userId) ?? []),
      { ...a, fromAt: Date.parse(startsAt), toAt: Date.parse(endsAt) },
    ]);
  return {
    users: new Map(json.users.map(({ id, login, active }) => [id, { id, login, active }])),
    heads: new Map(json.users.map((u) => [u.id, u.heads])),
    departments: new Map(json.departments.map(({ id, parentId, headId }) => [id, { parentId, headId }])),
    roles: json.roles,
    groups: new Map(json.groups.map((g) => [g.name, g.members])),
    absences,
  };
}

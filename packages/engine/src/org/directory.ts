import type { Assignment, Directory } from '../runtime/directory.ts';

/** Why a task meant for someone went to someone else: their absence's kind, or one of these. */
export const INACTIVE_REASON = 'inactive';
/** No reference matched anyone: the task went to the process administrators. */
export const UNRESOLVED_REASON = 'unresolved';

export interface SnapshotUser {
  id: string;
  login: string;
  active: boolean;
}

export interface SnapshotAbsence {
  id: string;
  userId: string;
  kind: string;
  /** Absent from `fromAt` (inclusive) to `toAt` (exclusive), epoch ms. */
  fromAt: number;
  toAt: number;
  deputyId: string | null;
}

/** The organisation at one organisation version: what assignment needs, read once and kept. */
export interface OrgSnapshot {
  users: ReadonlyMap<string, SnapshotUser>;
  /** Active heads above each user, nearest first (`reporting_lines`: manager override, empty seats skipped). */
  heads: ReadonlyMap<string, readonly string[]>;
  departments: ReadonlyMap<string, { parentId: string | null; headId: string | null }>;
  /** Role holdings of active users; `departmentId` null = company-wide. */
  roles: readonly {
    role: string;
    departmentId: string | null;
    userId: string;
    userDepartmentId: string | null;
  }[];
  /** Active members of each group. */
  groups: ReadonlyMap<string, readonly string[]>;
  /** Absences not yet over when the snapshot was read, by user. */
  absences: ReadonlyMap<string, readonly SnapshotAbsence[]>;
}

/** Where someone's work goes at a moment: to them, or to who stands in for them and why. */
export type Placement =
  | { kind: 'self' }
  | { kind: 'redirected'; to: string; reason: string }
  /** Away (or gone) with no one present to stand in. */
  | { kind: 'stranded'; reason: string };

/**
 * The engine's `Directory` over a snapshot of the organisation, plus what the server asks of it
 * (notification recipients, who takes over someone's open work). It lives in the engine so that the
 * server's steps and the designer's test run assign by the same rules.
 *
 * References: a user id or login, `user:<id>`, `role:<name>`, `role:<name>@<departmentId>`,
 * `group:<name>`, `head:<user id, login or any reference>` (each person's head), `department:<id>` (its
 * head, walking up while the seat is empty). Each person found is then placed: someone absent at that
 * moment (or inactive) is replaced by their absence's deputy, else by their head — walking up while
 * those are away too — and the assignment names whom it was meant for and why. References that match
 * no one give the process administrators (then the administrators), marked `unresolved`, so a task
 * never vanishes.
 *
 * @example
 * const directory = createDirectory(snapshot);
 * directory.expand(['head:ann'], now);
 * // [{ assignee: 'vera', meantFor: 'boris', reason: 'vacation' }] — boris is away, vera deputises
 */
export interface OrgDirectory extends Directory {
  /** Notification recipients: references resolved and placed; a text that names no one is kept as given. */
  recipients(refs: readonly string[], at: number): string[];
  /** Where `userId`'s work goes at `at`. */
  placement(userId: string, at: number): Placement;
}

export function createDirectory(org: OrgSnapshot): OrgDirectory {
  const byLogin = new Map([...org.users.values()].map((u) => [u.login, u.id]));
  const userId = (idOrLogin: string): string | null =>
    org.users.has(idOrLogin) ? idOrLogin : (byLogin.get(idOrLogin.toLowerCase()) ?? null);

  const absenceAt = (id: string, at: number) =>
    org.absences.get(id)?.find((a) => a.fromAt <= at && at < a.toAt) ?? null;

  /** The people a reference names, before absences are applied (inactive users included for direct refs). */
  function people(ref: string): string[] {
    const colon = ref.indexOf(':');
    const prefix = colon < 0 ? '' : ref.slice(0, colon);
    const rest = ref.slice(colon + 1);
    switch (prefix) {
      case 'user': {
        const id = userId(rest);
        return id ? [id] : [];
      }
      case 'role':
        return roleHolders(rest);
      case 'group':
        return [...(org.groups.get(rest) ?? [])];
      case 'head':
        return unique(people(rest).flatMap((p) => org.heads.get(p)?.slice(0, 1) ?? []));
      case 'department': {
        const head = departmentHead(rest);
        return head ? [head] : [];
      }
      default: {
        const id = userId(ref);
        return id ? [id] : [];
      }
    }
  }

  /** `Name` or `Name@dept`: holders in that department or above, and company-wide holders working in it or below. */
  function roleHolders(spec: string): string[] {
    const at = spec.lastIndexOf('@');
    const role = at < 0 ? spec : spec.slice(0, at);
    const department = at < 0 ? null : spec.slice(at + 1);
    const holdings = org.roles.filter((h) => h.role === role);
    if (department === null) return unique(holdings.map((h) => h.userId));
    const above = new Set(ancestry(department));
    return unique(
      holdings
        .filter((h) =>
          h.departmentId === null
            ? h.userDepartmentId !== null && ancestry(h.userDepartmentId).includes(department)
            : above.has(h.departmentId),
        )
        .map((h) => h.userId),
    );
  }

  function ancestry(departmentId: string): string[] {
    const out: string[] = [];
    for (
      let d: string | null = departmentId;
      d !== null && !out.includes(d);
      d = org.departments.get(d)?.parentId ?? null
    )
      out.push(d);
    return out;
  }

  function departmentHead(departmentId: string): string | null {
    for (const d of ancestry(departmentId)) {
      const head = org.departments.get(d)?.headId;
      if (head && org.users.get(head)?.active) return head;
    }
    return null;
  }

  /** Someone present who does `id`'s work at `at` (`id` itself when present), or null. */
  function standIn(id: string, at: number, seen: Set<string>): string | null {
    if (seen.has(id)) return null;
    seen.add(id);
    const user = org.users.get(id);
    if (!user) return null;
    const absence = user.active ? absenceAt(id, at) : null;
    if (user.active && !absence) return id;
    if (absence?.deputyId) {
      const deputy = standIn(absence.deputyId, at, seen);
      if (deputy) return deputy;
    }
    for (const head of org.heads.get(id) ?? []) {
      const found = standIn(head, at, seen);
      if (found) return found;
    }
    return null;
  }

  function placement(id: string, at: number): Placement {
    const user = org.users.get(id);
    if (user?.active && !absenceAt(id, at)) return { kind: 'self' };
    const reason = user?.active ? (absenceAt(id, at)?.kind ?? 'absent') : INACTIVE_REASON;
    const to = standIn(id, at, new Set());
    return to === null ? { kind: 'stranded', reason } : { kind: 'redirected', to, reason };
  }

  /** Each person placed; an absent person with no one to stand in keeps the work, an inactive one does not. */
  function assignments(persons: readonly string[], at: number): Assignment[] {
    const out = new Map<string, Assignment>();
    for (const person of persons) {
      const place = placement(person, at);
      const a: Assignment | null =
        place.kind === 'self'
          ? { assignee: person }
          : place.kind === 'redirected'
            ? { assignee: place.to, meantFor: person, reason: place.reason }
            : org.users.get(person)?.active
              ? { assignee: person }
              : null;
      if (a && !out.has(a.assignee)) out.set(a.assignee, a);
    }
    return [...out.values()];
  }

  function processAdministrators(): string[] {
    for (const role of ['processAdministrator', 'administrator']) {
      const holders = roleHolders(role);
      if (holders.length > 0) return holders;
    }
    return [];
  }

  return {
    expand(refs, at) {
      const found = assignments(unique(refs.flatMap(people)), at);
      if (found.length > 0 || refs.length === 0) return found;
      const meantFor = refs.join(', ');
      return assignments(processAdministrators(), at).map((a) => ({
        assignee: a.assignee,
        meantFor,
        reason: UNRESOLVED_REASON,
      }));
    },
    recipients(refs, at) {
      return unique(
        refs.flatMap((ref) => {
          const persons = people(ref);
          const known = persons.length > 0 || /^(user|role|group|head|department):/.test(ref);
          return known ? assignments(persons, at).map((a) => a.assignee) : [ref];
        }),
      );
    },
    placement,
  };
}

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];

import type { NewUser, UserChanges } from '../../api/org-writes.ts';
import type { User } from '../../api/types.ts';

export interface RoleHoldingDraft {
  role: string;
  /** null: held company-wide. */
  departmentId: string | null;
}

/** What the user form edits: text as typed, empty meaning "not set". */
export interface UserDraft {
  login: string;
  name: string;
  email: string;
  phone: string;
  password: string;
  position: string;
  departmentId: string | null;
  managerId: string | null;
  locale: string | null;
  timeZone: string | null;
  roles: RoleHoldingDraft[];
  groups: string[];
}

export const EMPTY_USER: UserDraft = {
  login: '',
  name: '',
  email: '',
  phone: '',
  password: '',
  position: '',
  departmentId: null,
  managerId: null,
  locale: null,
  timeZone: null,
  roles: [],
  groups: [],
};

export function draftOf(user: User): UserDraft {
  return {
    login: user.login,
    name: user.name,
    email: user.email ?? '',
    phone: user.phone ?? '',
    password: '',
    position: user.position ?? '',
    departmentId: user.departmentId,
    managerId: user.managerId,
    locale: user.locale,
    timeZone: user.timeZone,
    roles: user.roles.map((r) => ({ role: r.role, departmentId: r.departmentId })),
    groups: [...user.groups],
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The body that creates the drafted user; unset optional fields are left out. */
export function newUserOf(draft: UserDraft): NewUser {
  const email = orNull(draft.email);
  const phone = orNull(draft.phone);
  const position = orNull(draft.position);
  return {
    login: draft.login.trim(),
    name: draft.name.trim(),
    ...(draft.password ? { password: draft.password } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(position ? { position } : {}),
    ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
    ...(draft.managerId ? { managerId: draft.managerId } : {}),
    ...(draft.locale ? { locale: draft.locale } : {}),
    ...(draft.timeZone ? { timeZone: draft.timeZone } : {}),
    roles: draft.roles,
    groups: draft.groups,
  };
}

const sameHoldings = (a: readonly RoleHoldingDraft[], b: readonly RoleHoldingDraft[]) => {
  const key = (list: readonly RoleHoldingDraft[]) =>
    list
      .map((r) => `${r.role}\n${r.departmentId ?? ''}`)
      .sort()
      .join('\t');
  return key(a) === key(b);
};

/** Only what differs from the user as loaded, so a save never overwrites a field nobody touched. */
export function changesOf(user: User, draft: UserDraft): UserChanges {
  const before = draftOf(user);
  const changes: UserChanges = {};
  if (draft.login.trim() !== before.login) changes.login = draft.login.trim();
  if (draft.name.trim() !== before.name) changes.name = draft.name.trim();
  if (orNull(draft.email) !== user.email) changes.email = orNull(draft.email);
  if (orNull(draft.phone) !== user.phone) changes.phone = orNull(draft.phone);
  if (orNull(draft.position) !== user.position) changes.position = orNull(draft.position);
  if (draft.departmentId !== user.departmentId) changes.departmentId = draft.departmentId;
  if (draft.managerId !== user.managerId) changes.managerId = draft.managerId;
  if (draft.locale !== user.locale) changes.locale = draft.locale;
  if (draft.timeZone !== user.timeZone) changes.timeZone = draft.timeZone;
  if (!sameHoldings(draft.roles, before.roles)) changes.roles = draft.roles;
  if ([...draft.groups].sort().join('\n') !== [...user.groups].sort().join('\n'))
    changes.groups = draft.groups;
  return changes;
}

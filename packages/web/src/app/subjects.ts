import type { ComboboxData } from '@mantine/core';

/**
 * Whom a right is given to, as the server names them: `everyone`, `role:<name>`, `group:<name>`,
 * `department:<id>` (its people and those of the departments below), `user:<id>`.
 */
export const SUBJECT_KINDS = ['everyone', 'role', 'group', 'department', 'user'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** The organisation's names a subject may take, by kind: id or name → what people call it. */
export type SubjectNames = Record<Exclude<SubjectKind, 'everyone'>, ReadonlyMap<string, string>>;

type Words = (key: string, values?: Record<string, string>) => string;

/** A subject's kind and the id or name after its prefix; null for one the server would not know. */
export function readSubject(subject: string): { kind: SubjectKind; id: string } | null {
  if (subject === 'everyone') return { kind: 'everyone', id: '' };
  const colon = subject.indexOf(':');
  const kind = SUBJECT_KINDS.find((k) => k !== 'everyone' && k === subject.slice(0, colon));
  return kind && colon < subject.length - 1 ? { kind, id: subject.slice(colon + 1) } : null;
}

/** A subject in words (`role:clerk` → "Role: Clerks"); an unknown name shows as it is, after its kind. */
export function subjectLabel(subject: string, names: SubjectNames, t: Words): string {
  const read = readSubject(subject);
  if (!read) return subject;
  if (read.kind === 'everyone') return t('subjects.everyone');
  const name = names[read.kind].get(read.id) ?? read.id;
  return t(`subjects.${read.kind}`, { name });
}

/**
 * The options of a subjects picker, grouped by kind: everyone, then the organisation's roles, groups,
 * departments and people; subjects of `value` the organisation does not name (yet) are kept, last.
 */
export function subjectOptions(names: SubjectNames, value: readonly string[], t: Words): ComboboxData {
  const option = (subject: string) => ({ value: subject, label: subjectLabel(subject, names, t) });
  const groups = SUBJECT_KINDS.map((kind) => ({
    group: t(`subjects.kinds.${kind}`),
    items:
      kind === 'everyone'
        ? [option('everyone')]
        : [...names[kind].keys()].map((id) => option(`${kind}:${id}`)),
  }));
  const known = new Set(groups.flatMap((g) => g.items.map((i) => i.value)));
  const others = value.filter((s) => !known.has(s));
  return [
    ...groups.filter((g) => g.items.length > 0),
    ...(others.length > 0 ? [{ group: t('subjects.kinds.other'), items: others.map(option) }] : []),
  ];
}

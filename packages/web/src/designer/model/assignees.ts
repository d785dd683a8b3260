/**
 * Assignees are CEL expressions giving references the organisation directory understands: a user id,
 * `role:Name`, `role:Name@departmentId`, `group:Name`, `department:id` (its head), `head:<reference>`.
 * The picker writes the usual forms and reads them back to show "Role: HR" instead of `'role:HR'`.
 */
export type AssigneeKind =
  | 'user'
  | 'role'
  | 'group'
  | 'department'
  | 'headOfStarter'
  | 'headOf'
  | 'document'
  | 'expression';

export interface Assignee {
  kind: AssigneeKind;
  /** The user, role, group or department id; the document field; the reference whose head; the expression. */
  value: string;
  /** For a role limited to one department. */
  department?: string;
}

const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const STRING = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")$/;
const unquote = (s: string) => s.replace(/\\(.)/g, '$1');
const DOC_FIELD = /^document\.([A-Za-z_][A-Za-z0-9_.]*)$/;

function fromReference(ref: string): Assignee {
  const colon = ref.indexOf(':');
  const prefix = colon < 0 ? '' : ref.slice(0, colon);
  const rest = ref.slice(colon + 1);
  if (prefix === 'role') {
    const at = rest.indexOf('@');
    return at < 0
      ? { kind: 'role', value: rest }
      : { kind: 'role', value: rest.slice(0, at), department: rest.slice(at + 1) };
  }
  if (prefix === 'group') return { kind: 'group', value: rest };
  if (prefix === 'department') return { kind: 'department', value: rest };
  if (prefix === 'head') return { kind: 'headOf', value: rest };
  if (prefix === 'user') return { kind: 'user', value: rest };
  return { kind: 'user', value: ref };
}

/** What an assignee expression means, as the picker shows it. */
export function readAssignee(expression: string): Assignee {
  const text = expression.trim();
  const literal = STRING.exec(text);
  if (literal) return fromReference(unquote(literal[1] ?? literal[2] ?? ''));
  if (/^(['"])head:\1\s*\+\s*starter$/.test(text)) return { kind: 'headOfStarter', value: 'starter' };
  const headOf = /^(['"])head:\1\s*\+\s*(document\.[A-Za-z_][A-Za-z0-9_.]*)$/.exec(text);
  if (headOf) return { kind: 'headOf', value: headOf[2] as string };
  const field = DOC_FIELD.exec(text);
  if (field) return { kind: 'document', value: field[1] as string };
  return { kind: 'expression', value: text };
}

type Writers = { [K in AssigneeKind]: (a: Assignee) => string };
const WRITE: Writers = {
  user: (a) => quote(a.value),
  role: (a) => quote(`role:${a.value}${a.department ? `@${a.department}` : ''}`),
  group: (a) => quote(`group:${a.value}`),
  department: (a) => quote(`department:${a.value}`),
  headOfStarter: () => "'head:' + starter",
  headOf: (a) => (a.value.startsWith('document.') ? `'head:' + ${a.value}` : quote(`head:${a.value}`)),
  document: (a) => `document.${a.value}`,
  expression: (a) => a.value,
};

/** The CEL expression for an assignee. */
export function writeAssignee(a: Assignee): string {
  return WRITE[a.kind](a);
}

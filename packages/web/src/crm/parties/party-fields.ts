import type { CrmFieldValue, FieldEntity } from '../../api/crm-fields.ts';
import type { Parties, Party, PartyKind } from '../../api/crm-parties.ts';
import { filledIn, newFieldsOf, sameValues } from '../../crm-fields/field-values.ts';

/** How a field is typed: text of a kind, or a choice of a company or a colleague. */
export type FieldKind = 'text' | 'tel' | 'email' | 'textarea' | 'company' | 'user';

export interface PartyField {
  /** The field's name in the API. */
  name: string;
  kind: FieldKind;
  required?: boolean;
}

/** The fields of a contact and of a company, in the order the form shows them (API.md, "CRM"). */
export const PARTY_FIELDS: Record<PartyKind, readonly PartyField[]> = {
  contacts: [
    { name: 'name', kind: 'text', required: true },
    { name: 'position', kind: 'text' },
    { name: 'phone', kind: 'tel' },
    { name: 'email', kind: 'email' },
    { name: 'companyId', kind: 'company' },
    { name: 'responsibleId', kind: 'user' },
    { name: 'comment', kind: 'textarea' },
  ],
  companies: [
    { name: 'name', kind: 'text', required: true },
    { name: 'taxId', kind: 'text' },
    { name: 'phone', kind: 'tel' },
    { name: 'email', kind: 'email' },
    { name: 'address', kind: 'textarea' },
    { name: 'responsibleId', kind: 'user' },
    { name: 'comment', kind: 'textarea' },
  ],
};

/** What the company's fields of a kind are defined for: `GET /crm/fields/contact`, `/company`. */
export const FIELD_ENTITY: Record<PartyKind, FieldEntity> = { contacts: 'contact', companies: 'company' };

/** The kind's own fields by name as the form edits them: text as typed ('' for none), a choice's id or null. */
export type BuiltInDraft = Record<string, string | null>;

/** What the form edits: the kind's own fields (PARTY_FIELDS), and the company's fields of its kind by key. */
export interface PartyDraft {
  builtIn: BuiltInDraft;
  fields: Record<string, CrmFieldValue>;
}

const isChoice = (field: PartyField) => field.kind === 'company' || field.kind === 'user';

/** The form's starting values: the record's, or empty ones with `preset` (a new contact's company, me). */
export function partyDraftOf(kind: PartyKind, record?: Party, preset: BuiltInDraft = {}): PartyDraft {
  const stored = (record ?? {}) as Record<string, unknown>;
  const builtIn = Object.fromEntries(
    PARTY_FIELDS[kind].map((f) => {
      const value = (stored[f.name] as string | null | undefined) ?? preset[f.name] ?? null;
      return [f.name, isChoice(f) ? value : (value ?? '')];
    }),
  );
  return { builtIn, fields: { ...record?.fields } };
}

/** Each value as the server takes it: trimmed text, null for nothing. */
const cleaned = (value: string | null | undefined): string | null =>
  value == null || value.trim() === '' ? null : value.trim();

/** The body that creates the drafted record; empty fields are left out (the server names the required ones). */
export function newPartyOf<K extends PartyKind>(kind: K, draft: PartyDraft): Parties[K]['input'] {
  const body: Record<string, unknown> = newFieldsOf(draft.fields);
  for (const f of PARTY_FIELDS[kind]) {
    const value = cleaned(draft.builtIn[f.name]);
    if (value !== null) body[f.name] = value;
  }
  return body as Parties[K]['input'];
}

/**
 * Only what differs from the record as loaded; a field emptied is sent as null (cleared). The company's
 * fields go all together when one changed (`fields` replaces them), the emptied ones left out.
 */
export function partyChangesOf<K extends PartyKind>(
  kind: K,
  record: Parties[K]['record'],
  draft: PartyDraft,
): Parties[K]['changes'] {
  const stored = record as unknown as Record<string, string | null>;
  const changes: Record<string, unknown> = {};
  for (const f of PARTY_FIELDS[kind]) {
    const value = cleaned(draft.builtIn[f.name]);
    if (value !== cleaned(stored[f.name])) changes[f.name] = value;
  }
  if (!sameValues(draft.fields, record.fields)) changes.fields = filledIn(draft.fields);
  return changes as Parties[K]['changes'];
}

/** What a list card says under a record's name, line by line (the values present, joined by " · "). */
export const PARTY_SUMMARY: Record<PartyKind, readonly (readonly string[])[]> = {
  contacts: [
    ['position', 'companyName'],
    ['phone', 'email'],
  ],
  companies: [['taxId'], ['phone', 'email']],
};

/** The lines of a record's card: each line's present values; lines with none left out. */
export function summaryLines(kind: PartyKind, record: Party): string[] {
  const values = record as unknown as Record<string, string | null>;
  return PARTY_SUMMARY[kind]
    .map((line) =>
      line
        .map((name) => values[name])
        .filter((v): v is string => Boolean(v))
        .join(' · '),
    )
    .filter((line) => line !== '');
}

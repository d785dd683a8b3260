/** The kinds of record a process may be about (its `documentRef`, `deal:<id>`), as the server knows them. */
export const ABOUT_KINDS = ['deal', 'lead', 'contact', 'company', 'record', 'file'] as const;
export type AboutKind = (typeof ABOUT_KINDS)[number];

/** A `documentRef`'s kind and id; null for none, or for a kind this app has no page for. */
export function readDocumentRef(ref: string | null | undefined): { kind: AboutKind; id: string } | null {
  if (!ref) return null;
  const colon = ref.indexOf(':');
  const kind = ABOUT_KINDS.find((k) => k === ref.slice(0, colon));
  const id = ref.slice(colon + 1);
  return kind && id ? { kind, id } : null;
}

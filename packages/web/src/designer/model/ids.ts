import type { Doc } from './doc.ts';

/**
 * Fresh element ids. Ids are identity (flows, history and running instances refer to them), names are
 * data — so an id is made once from the type and never follows a rename.
 */
export function idAllocator(doc: Pick<Doc, 'nodes' | 'flows'>): (prefix: string) => string {
  const used = new Set<string>();
  for (const n of doc.nodes) used.add(n.id);
  for (const f of doc.flows) used.add(f.id);
  const next = new Map<string, number>();
  return (prefix) => {
    // A plugin's `vendor.name` type names its steps by the name: `acme.createInvoice` → `createInvoice1`.
    const base = prefix.slice(prefix.lastIndexOf('.') + 1).replace(/[^A-Za-z0-9_]/g, '') || 'node';
    for (let n = next.get(base) ?? 1; ; n++) {
      const id = `${base}${n}`;
      if (!used.has(id)) {
        used.add(id);
        next.set(base, n + 1);
        return id;
      }
    }
  };
}

/** One fresh id; for several at once use `idAllocator`, which remembers what it handed out. */
export function nextId(doc: Pick<Doc, 'nodes' | 'flows'>, prefix: string): string {
  return idAllocator(doc)(prefix);
}

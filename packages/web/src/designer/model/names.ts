import type { Doc } from './doc.ts';

/** A name an expression may use, for autocomplete and the condition builder. */
export interface Name {
  name: string;
  /** A field type, `document` for document fields, `engine` for names the engine provides. */
  type: string;
  source: 'parameter' | 'variable' | 'constant' | 'document' | 'engine';
  options?: string[];
}

/** Names the engine declares for every expression (compile's ENGINE_NAMES, the ones people use). */
const ENGINE: Name[] = [
  { name: 'starter', type: 'string', source: 'engine' },
  { name: 'document', type: 'map', source: 'engine' },
];

const DOCUMENT_FIELD = /\bdocument\.([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g;

/**
 * `document.` fields the template already uses: in expressions and templates anywhere in it, the fields
 * `setFields` writes and `checkFields` checks. Until CRM field lists exist these are what autocomplete
 * can know about the document.
 */
export function documentFields(doc: Doc): string[] {
  const found = new Set<string>();
  const text = JSON.stringify({ nodes: doc.nodes, flows: doc.flows });
  for (const m of text.matchAll(DOCUMENT_FIELD)) found.add(`document.${m[1]}`);
  for (const n of doc.nodes) {
    if (n.type === 'setFields')
      for (const k of Object.keys((n.config?.fields as Record<string, unknown> | undefined) ?? {}))
        found.add(`document.${k}`);
    if (n.type === 'checkFields')
      for (const f of (n.config?.fields as string[] | undefined) ?? [])
        if (f.startsWith('document.')) found.add(f);
  }
  return [...found].sort();
}

/** Every name an expression in this template may use, declared ones first. */
export function namesOf(doc: Doc): Name[] {
  const declared = (list: Doc['parameters'], source: Name['source']): Name[] =>
    list.map((f) => ({
      name: f.id,
      type: f.type,
      source,
      ...(f.options ? { options: f.options.map((o) => o.value) } : {}),
    }));
  return [
    ...declared(doc.parameters, 'parameter'),
    ...declared(doc.variables, 'variable'),
    ...declared(doc.constants, 'constant'),
    ...ENGINE,
    ...documentFields(doc).map((name): Name => ({ name, type: 'document', source: 'document' })),
  ];
}

/** The identifier (with dots) being typed at `caret`, for autocomplete: its start and text. */
export function wordAt(text: string, caret: number): { start: number; word: string } {
  let start = caret;
  while (start > 0 && /[A-Za-z0-9_.]/.test(text[start - 1] ?? '')) start--;
  return { start, word: text.slice(start, caret) };
}

/** Names that complete `word`, best first (prefix matches, then contains). */
export function complete(names: readonly Name[], word: string, limit = 8): Name[] {
  if (word === '') return names.slice(0, limit);
  const w = word.toLowerCase();
  const prefix = names.filter((n) => n.name.toLowerCase().startsWith(w) && n.name !== word);
  const inner = names.filter((n) => !n.name.toLowerCase().startsWith(w) && n.name.toLowerCase().includes(w));
  return [...prefix, ...inner].slice(0, limit);
}

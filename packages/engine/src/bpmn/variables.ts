/** CEL's keywords and reserved words: never variables. */
const RESERVED = new Set(
  'true false null in as break const continue else for function if import let loop package namespace return var void while'.split(
    ' ',
  ),
);

/**
 * The top-level identifiers an expression reads, in order of first use: names not preceded by `.`
 * (a field), not followed by `(` (a function) nor by `:` and a name (an XML prefix as in
 * `bpmn:getDataObject`), outside string literals. A heuristic for files that declare nothing,
 * not a parser: `deal.amount > limit` gives `deal`, `limit`.
 */
export function identifiersOf(expression: string): string[] {
  const code = expression.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, (s) => ' '.repeat(s.length));
  const found: string[] = [];
  for (const match of code.matchAll(/(?<![\w$])(?<!\.\s*)[A-Za-z_][A-Za-z0-9_]*/g)) {
    const name = match[0];
    const after = code.slice((match.index ?? 0) + name.length);
    if (RESERVED.has(name) || /^\s*\(/.test(after) || /^:[A-Za-z_]/.test(after)) continue;
    if (!found.includes(name)) found.push(name);
  }
  return found;
}

/** The variables a set of expressions reads, minus `exclude` (multi-instance element variables). */
export function inferVariables(expressions: string[], exclude: Iterable<string> = []): string[] {
  const skip = new Set(exclude);
  const names: string[] = [];
  for (const expression of expressions) {
    for (const name of identifiersOf(expression))
      if (!skip.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

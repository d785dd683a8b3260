/** `{{ name }}`, as the CRM's `{{ }}` templates (a robot's notice, the price request letter) write a value. */
export const placeholder = (name: string) => `{{ ${name} }}`;

/** The text with `snippet` in place of the selection from `start` to `end`, and where the caret goes after it. */
export function insertSnippet(
  text: string,
  start: number,
  end: number,
  snippet: string,
): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + snippet + text.slice(to), caret: from + snippet.length };
}

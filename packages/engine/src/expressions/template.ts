import { type CompiledExpression, type EvaluationScope, ExpressionError } from './types.ts';
import { toTemplateText } from './values.ts';

/**
 * Message templates: literal text with `{{ expr }}` placeholders, e.g.
 * `Hello {{ deal.responsible.name }}, amount {{ formatMoney(amount, "RUB") }}`.
 * `\{{` writes a literal `{{`; no other escapes exist, and a lone `}}` is plain text.
 */

/** A literal run of text, or the expression source of a placeholder. */
export type TemplatePiece = string | { source: string };

export type SplitResult = { ok: true; pieces: TemplatePiece[] } | { ok: false; message: string };

/** Splits a template into text and placeholder sources, or says which placeholder is malformed. */
export function splitTemplate(template: string): SplitResult {
  const pieces: TemplatePiece[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
    } else if (template.startsWith('{{', i)) {
      const end = findClosing(template, i + 2, '}}');
      if (end < 0) {
        return {
          ok: false,
          message: `Unclosed placeholder at character ${i + 1}: '${excerpt(template.slice(i))}'`,
        };
      }
      const source = template.slice(i + 2, end).trim();
      if (source === '') return { ok: false, message: `Empty placeholder '{{}}' at character ${i + 1}` };
      if (text !== '') pieces.push(text);
      text = '';
      pieces.push({ source });
      i = end + 2;
    } else {
      text += template[i];
      i++;
    }
  }
  if (text !== '') pieces.push(text);
  return { ok: true, pieces };
}

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * The index where `closer` ends an expression starting at `from`: the first `closer` outside string
 * literals and nested `{…}` map literals, or -1.
 */
export function findClosing(text: string, from: number, closer: '}' | '}}'): number {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = stringEnd(text, i);
      if (i < 0) return -1;
    } else if (char === '{') {
      depth++;
    } else if (char === '}') {
      if (depth === 0 && text.startsWith(closer, i)) return i;
      depth = Math.max(0, depth - 1);
    }
  }
  return -1;
}

/** The index of the quote closing the CEL string literal opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
  const quote = text[start] as string;
  const delimiter = text.startsWith(quote.repeat(3), start) ? quote.repeat(3) : quote;
  const raw = start > 0 && (text[start - 1] === 'r' || text[start - 1] === 'R');
  for (let i = start + delimiter.length; i < text.length; i++) {
    if (!raw && text[i] === '\\') i++;
    else if (text.startsWith(delimiter, i)) return i + delimiter.length - 1;
  }
  return -1;
}

/** A compiled template: text pieces and compiled placeholders, concatenated on evaluation. */
/**
 * The longest text a template may render: task texts, notifications, e-mails, URLs and file names
 * are all far shorter, and a template repeating a large field thousands of times would otherwise
 * build a string of gigabytes.
 */
export const MAX_RENDERED_LENGTH = 1_048_576;

export class CompiledTemplate implements CompiledExpression {
  readonly mode = 'template' as const;
  readonly #parts: ReadonlyArray<string | CompiledExpression>;

  constructor(
    readonly source: string,
    parts: ReadonlyArray<string | CompiledExpression>,
  ) {
    this.#parts = parts;
  }

  evaluate(scope: EvaluationScope): string {
    let out = '';
    for (const part of this.#parts) {
      if (typeof part === 'string') {
        out += part;
        continue;
      }
      try {
        out += toTemplateText(part.evaluate(scope));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ExpressionError(this.source, `In placeholder {{ ${part.source} }}: ${reason}`);
      }
      if (out.length > MAX_RENDERED_LENGTH)
        throw new ExpressionError(
          this.source,
          `the template renders more than ${MAX_RENDERED_LENGTH.toLocaleString('en')} characters`,
        );
    }
    return out;
  }
}

/**
 * The condition builder's model and its two-way mapping to CEL. The builder writes the same CEL a
 * person would type (`days > 5 && approved`), and reads back any condition written in that subset; a
 * condition outside it (`size(items) > 2`) stays an expression, edited as text.
 */

export const OPERATORS = [
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'contains',
  'startsWith',
  'in',
  'empty',
  'notEmpty',
  'isTrue',
  'isFalse',
] as const;
export type Operator = (typeof OPERATORS)[number];
export type Value = string | number | boolean | string[];

export interface Rule {
  kind: 'rule';
  /** A declared name or a `document.` path. */
  field: string;
  op: Operator;
  /** Absent for the operators that take none (empty, isTrue, …). */
  value?: Value;
}
export interface Group {
  kind: 'group';
  join: 'and' | 'or';
  items: (Rule | Group)[];
}

/** Operators that compare against no value. */
export const UNARY: ReadonlySet<Operator> = new Set(['empty', 'notEmpty', 'isTrue', 'isFalse']);

const COMPARE: Partial<Record<Operator, string>> = {
  eq: '==',
  ne: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

const literal = (v: Value | undefined): string =>
  Array.isArray(v)
    ? `[${v.map((x) => JSON.stringify(x)).join(', ')}]`
    : typeof v === 'string'
      ? JSON.stringify(v)
      : String(v ?? '""');

type Writers = { [K in Operator]: (r: Rule) => string };
const WRITE: Writers = {
  eq: (r) => `${r.field} == ${literal(r.value)}`,
  ne: (r) => `${r.field} != ${literal(r.value)}`,
  lt: (r) => `${r.field} < ${literal(r.value)}`,
  le: (r) => `${r.field} <= ${literal(r.value)}`,
  gt: (r) => `${r.field} > ${literal(r.value)}`,
  ge: (r) => `${r.field} >= ${literal(r.value)}`,
  contains: (r) => `${r.field}.contains(${literal(String(r.value ?? ''))})`,
  startsWith: (r) => `${r.field}.startsWith(${literal(String(r.value ?? ''))})`,
  in: (r) => `${r.field} in ${literal(Array.isArray(r.value) ? r.value : [String(r.value ?? '')])}`,
  empty: (r) => `isEmpty(${r.field})`,
  notEmpty: (r) => `!isEmpty(${r.field})`,
  isTrue: (r) => r.field,
  isFalse: (r) => `!${r.field}`,
};

/** The CEL for a builder condition. An empty group is `true` (the flow is always taken). */
export function toCel(item: Rule | Group, nested = false): string {
  if (item.kind === 'rule') return WRITE[item.op](item);
  const parts = item.items.filter((i) => i.kind === 'rule' || i.items.length > 0).map((i) => toCel(i, true));
  if (parts.length === 0) return 'true';
  if (parts.length === 1) return parts[0] as string;
  const joined = parts.join(item.join === 'and' ? ' && ' : ' || ');
  return nested ? `(${joined})` : joined;
}

// ---- reading CEL back -------------------------------------------------------------------------------

type Token =
  | { t: 'op'; v: string }
  | { t: 'ident'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'bool'; v: boolean };

const TOKEN =
  /\s*(?:(&&|\|\||==|!=|<=|>=|<|>|!|\(|\)|\[|\]|,|\.)|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_]*))/y;

function tokenize(source: string): Token[] | null {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < source.length) {
    if (/^\s*$/.test(source.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(source);
    if (!m) return null;
    at = TOKEN.lastIndex;
    if (m[1]) out.push({ t: 'op', v: m[1] });
    else if (m[2]) {
      const body = m[2].slice(1, -1);
      try {
        out.push({
          t: 'str',
          v:
            m[2][0] === '"'
              ? JSON.parse(m[2])
              : JSON.parse(`"${body.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`),
        });
      } catch {
        return null;
      }
    } else if (m[3]) out.push({ t: 'num', v: Number(m[3]) });
    else if (m[4] === 'true' || m[4] === 'false') out.push({ t: 'bool', v: m[4] === 'true' });
    else if (m[4]) out.push({ t: 'ident', v: m[4] });
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(v?: string): boolean {
    const t = this.tokens[this.i];
    return t !== undefined && (v === undefined || (t.t === 'op' && t.v === v));
  }
  private eat(v: string): boolean {
    if (!this.peek(v)) return false;
    this.i++;
    return true;
  }
  private expect(v: string) {
    if (!this.eat(v)) throw new NotBuilder();
  }
  done() {
    return this.i === this.tokens.length;
  }

  chain(): Rule | Group {
    const first = this.conjunction();
    if (!this.peek('||')) return first;
    const items = [first];
    while (this.eat('||')) items.push(this.conjunction());
    return { kind: 'group', join: 'or', items };
  }
  private conjunction(): Rule | Group {
    const first = this.unary();
    if (!this.peek('&&')) return first;
    const items = [first];
    while (this.eat('&&')) items.push(this.unary());
    return { kind: 'group', join: 'and', items };
  }
  private unary(): Rule | Group {
    if (this.eat('(')) {
      const inner = this.chain();
      this.expect(')');
      return inner.kind === 'group' ? inner : { kind: 'group', join: 'and', items: [inner] };
    }
    if (this.eat('!')) {
      if (this.peekIdent('isEmpty')) {
        const field = this.isEmptyCall();
        return { kind: 'rule', field, op: 'notEmpty' };
      }
      const field = this.path();
      if (this.peek('.') || this.peek('==') || this.peek('in')) throw new NotBuilder();
      return { kind: 'rule', field, op: 'isFalse' };
    }
    if (this.peekIdent('isEmpty')) return { kind: 'rule', field: this.isEmptyCall(), op: 'empty' };
    return this.comparison();
  }
  private peekIdent(name: string) {
    const t = this.tokens[this.i];
    return (
      t?.t === 'ident' &&
      t.v === name &&
      this.tokens[this.i + 1]?.t === 'op' &&
      (this.tokens[this.i + 1] as { v: string }).v === '('
    );
  }
  private isEmptyCall(): string {
    this.i++;
    this.expect('(');
    const field = this.path();
    this.expect(')');
    return field;
  }
  private path(): string {
    const t = this.tokens[this.i];
    if (t?.t !== 'ident' || t.v === 'in') throw new NotBuilder();
    this.i++;
    let out = t.v;
    while (this.peek('.')) {
      const next = this.tokens[this.i + 1];
      const after = this.tokens[this.i + 2];
      if (next?.t !== 'ident') throw new NotBuilder();
      if (after?.t === 'op' && after.v === '(') break; // a method call: .contains( … )
      this.i += 2;
      out += `.${next.v}`;
    }
    return out;
  }
  private value(): Value {
    const t = this.tokens[this.i];
    if (t && (t.t === 'str' || t.t === 'num' || t.t === 'bool')) {
      this.i++;
      return t.v;
    }
    if (this.eat('[')) {
      const list: string[] = [];
      if (!this.eat(']')) {
        do {
          const item = this.tokens[this.i++];
          if (item?.t !== 'str') throw new NotBuilder();
          list.push(item.v);
        } while (this.eat(','));
        this.expect(']');
      }
      return list;
    }
    throw new NotBuilder();
  }
  private comparison(): Rule {
    const field = this.path();
    if (this.eat('.')) {
      const method = this.tokens[this.i++];
      if (method?.t !== 'ident' || (method.v !== 'contains' && method.v !== 'startsWith'))
        throw new NotBuilder();
      this.expect('(');
      const value = this.value();
      this.expect(')');
      if (typeof value !== 'string') throw new NotBuilder();
      return { kind: 'rule', field, op: method.v, value };
    }
    const t = this.tokens[this.i];
    if (t?.t === 'ident' && t.v === 'in') {
      this.i++;
      const value = this.value();
      if (!Array.isArray(value)) throw new NotBuilder();
      return { kind: 'rule', field, op: 'in', value };
    }
    for (const [op, symbol] of Object.entries(COMPARE) as [Operator, string][]) {
      if (this.eat(symbol)) return { kind: 'rule', field, op, value: this.value() };
    }
    return { kind: 'rule', field, op: 'isTrue' };
  }
}

class NotBuilder extends Error {}

/**
 * The builder model of a CEL condition, or null when the condition is not one the builder writes
 * (then it is edited as an expression). The result is always a group, so the builder has a root.
 */
export function fromCel(source: string | undefined): Group | null {
  const text = (source ?? '').trim();
  if (text === '' || text === 'true') return { kind: 'group', join: 'and', items: [] };
  const tokens = tokenize(text);
  if (!tokens) return null;
  try {
    const parser = new Parser(tokens);
    const result = parser.chain();
    if (!parser.done()) return null;
    return result.kind === 'group' ? result : { kind: 'group', join: 'and', items: [result] };
  } catch (error) {
    if (error instanceof NotBuilder) return null;
    throw error;
  }
}

/**
 * The model as `fromCel(toCel(model))` gives it back: empty inner groups dropped, one-item inner groups
 * replaced by their item.
 */
export function normalize(group: Group): Group {
  const items: (Rule | Group)[] = [];
  for (const item of group.items) {
    if (item.kind === 'rule') {
      items.push(item);
      continue;
    }
    const inner = normalize(item);
    if (inner.items.length === 1) items.push(inner.items[0] as Rule | Group);
    else if (inner.items.length > 1) items.push(inner);
  }
  return { kind: 'group', join: group.join, items };
}

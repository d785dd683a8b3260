import { TypeError as CelTypeError, Environment, ParseError, type ParseResult } from '@marcbachmann/cel-js';
import { enterScope, leaveScope, registerBusinessFunctions } from './functions.ts';
import { closeBudget, instrument, openBudget } from './limits.ts';
import { registerMixedNumberOperators } from './numbers.ts';
import { CompiledTemplate, findClosing, splitTemplate } from './template.ts';
import {
  type CompiledExpression,
  type CompileResult,
  type Declaration,
  type EvaluationScope,
  type ExpressionEnvironment,
  ExpressionError,
  type ExpressionMode,
  type ExpressionProblem,
} from './types.ts';
import { fromCel, withBigInts } from './values.ts';

/** The CEL type each declared type checks as. Field values are JSON, so numbers are doubles. */
const CEL_TYPES: Record<Declaration['type'], string> = {
  string: 'string',
  text: 'string',
  number: 'double',
  money: 'double',
  boolean: 'bool',
  date: 'string',
  datetime: 'string',
  select: 'string',
  multiselect: 'list<string>',
  user: 'string',
  users: 'list<string>',
  department: 'string',
  file: 'string',
  documentLink: 'string',
  json: 'dyn',
  int: 'int',
  map: 'map',
  list: 'list',
  dyn: 'dyn',
};

// Operators and business functions are registered once; every environment is a cheap clone that
// only adds its variables (cloning freezes this base, which is never changed again).
let base: { env: Environment; functionNames: ReadonlySet<string> } | undefined;

function baseEnvironment(): NonNullable<typeof base> {
  if (!base) {
    const env = new Environment({ unlistedVariablesAreDyn: false, homogeneousAggregateLiterals: false });
    registerMixedNumberOperators(env);
    registerBusinessFunctions(env);
    base = { env, functionNames: new Set(env.getDefinitions().functions.map((f) => f.name)) };
  }
  return base;
}

/**
 * An environment that compiles CEL expressions and `{{ }}` templates over the declared names.
 * Compile once, evaluate many times; results are cached per environment by (mode, source).
 *
 * In 'expression' mode a BPMN/Camunda-style `${ expr }` is unwrapped. Values of names declared `int`
 * may be plain integer numbers (they are passed to CEL as BigInt). Every declared name the expression
 * uses must have a value of its declared type in `scope.values`; only `json`/`dyn` names may hold null.
 * A missing value or one of the wrong type makes `evaluate` throw an `ExpressionError`, so the runtime
 * should pass defaults (e.g. '' for text, [] for lists) for fields nobody has filled in yet.
 *
 * @example
 * const env = createExpressionEnvironment([{ name: 'amount', type: 'money' }, { name: 'approved', type: 'boolean' }]);
 * const result = env.compile('amount > 1000 && approved', 'expression');
 * if (result.ok) result.expression.evaluate({ values: { amount: 1500, approved: true }, now: 0 }); // true
 * @throws Error when a name is declared twice or is not a valid CEL identifier.
 */
export function createExpressionEnvironment(declarations: readonly Declaration[]): ExpressionEnvironment {
  const { env: parent, functionNames } = baseEnvironment();
  const env = parent.clone();
  const intNames: string[] = [];
  for (const { name, type } of declarations) {
    try {
      env.registerVariable(name, CEL_TYPES[type]);
    } catch (error) {
      throw new Error(`Cannot declare '${name}' for expressions: ${(error as Error).message}`);
    }
    if (type === 'int') intNames.push(name);
  }

  const compileExpression = (source: string): CompileResult => {
    const { text, offset } = unwrapDollar(source);
    let run: ParseResult;
    try {
      run = env.parse(text);
    } catch (error) {
      return { ok: false, problem: problemOf(error, source, offset, functionNames) };
    }
    const checked = run.check();
    if (!checked.valid)
      return { ok: false, problem: problemOf(checked.error, source, offset, functionNames) };
    const expression = new CelExpression(source, run, intNames);
    const pattern = instrument(run.ast as unknown as Parameters<typeof instrument>[0]);
    if (!pattern) return { ok: true, expression };
    const at = where(source, offset, { range: { start: pattern.start } });
    return {
      ok: true,
      expression,
      problem: { code: 'EXPRESSION_SYNTAX', message: `Pattern${at}: ${pattern.message}` },
    };
  };

  const compileTemplate = (source: string): CompileResult => {
    const split = splitTemplate(source);
    if (!split.ok) return { ok: false, problem: { code: 'EXPRESSION_SYNTAX', message: split.message } };
    const parts: Array<string | CompiledExpression> = [];
    let problem: ExpressionProblem | undefined;
    for (const piece of split.pieces) {
      if (typeof piece === 'string') {
        parts.push(piece);
        continue;
      }
      const placeholder = compile(piece.source, 'expression');
      const inPlaceholder = (found: ExpressionProblem) => ({
        code: found.code,
        message: `In placeholder {{ ${piece.source} }}: ${found.message}`,
      });
      if (!placeholder.ok) return { ok: false, problem: inPlaceholder(placeholder.problem) };
      parts.push(placeholder.expression);
      if (placeholder.problem) problem ??= inPlaceholder(placeholder.problem);
    }
    const expression = new CompiledTemplate(source, parts);
    return problem ? { ok: true, expression, problem } : { ok: true, expression };
  };

  const compilers: Record<ExpressionMode, (source: string) => CompileResult> = {
    expression: compileExpression,
    template: compileTemplate,
  };
  const caches: Record<ExpressionMode, Map<string, CompileResult>> = {
    expression: new Map(),
    template: new Map(),
  };

  function compile(source: string, mode: ExpressionMode): CompileResult {
    const cache = caches[mode];
    let result = cache.get(source);
    if (!result) {
      result = compilers[mode](source);
      cache.set(source, result);
    }
    return result;
  }

  return { compile };
}

class CelExpression implements CompiledExpression {
  readonly mode = 'expression' as const;
  readonly #run: ParseResult;
  readonly #intNames: readonly string[];

  constructor(
    readonly source: string,
    run: ParseResult,
    intNames: readonly string[],
  ) {
    this.#run = run;
    this.#intNames = intNames;
  }

  evaluate(scope: EvaluationScope): unknown {
    const previous = enterScope(scope);
    const budget = openBudget();
    try {
      const values = this.#intNames.length === 0 ? scope.values : withBigInts(scope.values, this.#intNames);
      return fromCel(this.#run(values));
    } catch (error) {
      throw new ExpressionError(this.source, runtimeMessage(error));
    } finally {
      closeBudget(budget);
      leaveScope(previous);
    }
  }
}

function runtimeMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code, summary } = error as Error & { code?: string; summary?: string };
  const message = summary ?? error.message;
  return code === 'unknown_variable'
    ? `${message} (declared, but scope.values has no value for it)`
    : message;
}

/** `${ expr }` → `expr`, with the offset of `expr` in the source; anything else is left as it is. */
function unwrapDollar(source: string): { text: string; offset: number } {
  const start = source.search(/\S/);
  if (start < 0 || !source.startsWith('${', start)) return { text: source, offset: 0 };
  const close = findClosing(source, start + 2, '}');
  if (close < 0 || source.slice(close + 1).trim() !== '') return { text: source, offset: 0 };
  return { text: source.slice(start + 2, close), offset: start + 2 };
}

function problemOf(
  error: unknown,
  source: string,
  offset: number,
  functionNames: ReadonlySet<string>,
): ExpressionProblem {
  if (error instanceof ParseError) {
    return {
      code: 'EXPRESSION_SYNTAX',
      message: `Syntax error${where(source, offset, error)}: ${error.summary}`,
    };
  }
  if (error instanceof CelTypeError) {
    const node = error.node;
    if (error.code === 'unknown_variable' && node?.op === 'id') {
      return {
        code: 'EXPRESSION_UNKNOWN_NAME',
        message: `Unknown name '${node.args}'${where(source, offset, error)}`,
      };
    }
    if (error.code === 'no_matching_overload' && (node?.op === 'call' || node?.op === 'rcall')) {
      const name = node.args[0];
      if (!functionNames.has(name)) {
        return {
          code: 'EXPRESSION_UNKNOWN_NAME',
          message: `Unknown function '${name}'${where(source, offset, error)}`,
        };
      }
    }
    return {
      code: 'EXPRESSION_TYPE',
      message: `Type error${where(source, offset, error)}: ${error.summary}`,
    };
  }
  // cel-js throws plain errors for structural limits (too deep, too many nodes); a chain of prefix
  // operators (`- - - … 1`) escapes its depth limit and overflows the stack instead.
  if (error instanceof RangeError && /call stack/.test(error.message))
    return { code: 'EXPRESSION_SYNTAX', message: 'Syntax error: the expression is nested too deeply' };
  return { code: 'EXPRESSION_SYNTAX', message: error instanceof Error ? error.message : String(error) };
}

/** ` at line L, column C` (1-based, in the original source) when the error has a position. */
function where(source: string, offset: number, error: { range?: { start: number } | undefined }): string {
  if (error.range === undefined) return '';
  const at = offset + error.range.start;
  const before = source.slice(0, at);
  const line = before.split('\n').length;
  return ` at line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

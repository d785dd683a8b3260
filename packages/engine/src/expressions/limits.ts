import { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';

/**
 * Bounds on the work one evaluation may do. cel-js 8 limits only the size of what it parses, so a
 * template editor's `[…].exists(a, […].exists(b, …))` seven levels deep, or `cel.bind` doubling a list
 * thirty times, could hold the server's only thread for minutes, and `matches` ran JavaScript's
 * backtracking RegExp (`'aaa…a!'.matches('^(a+)+$')`: 18 s at 28 characters).
 *
 * After type checking, `instrument` rewires the checked tree:
 * - every iteration of a list macro (all, exists, exists_one, map, filter) costs the nodes of its body;
 * - a `+` that builds a list costs its length, one that builds a string a unit per 64 characters;
 * - `matches` runs RE2 (re2js): linear in its input, as the CEL specification intends;
 * - business functions whose work grows with an argument charge for it (`workDateAdd`: a unit a day).
 * An evaluation may spend `MAX_EVALUATION_COST` units (about 0.1 s here); past that it throws. The
 * cost is counted, never timed, so an evaluation replayed fails the same way.
 *
 * This reads cel-js's tree (`meta`, `args`, comprehension arguments), which is not a public API:
 * package.json pins cel-js exactly, and limits.test.ts fails if an upgrade changes the shape.
 */
export const MAX_EVALUATION_COST = 1_000_000;
const CHARACTERS_PER_UNIT = 64;

/** What is left of the running evaluation's budget; outside an evaluation nothing is counted. */
let remaining = Number.POSITIVE_INFINITY;

/** Gives the evaluation about to run a full budget; returns the previous one for `closeBudget`. */
export function openBudget(): number {
  const previous = remaining;
  remaining = MAX_EVALUATION_COST;
  return previous;
}

export function closeBudget(previous: number): void {
  remaining = previous;
}

export class CostLimitError extends Error {
  constructor() {
    super(
      `the expression needs more than ${MAX_EVALUATION_COST.toLocaleString('en')} steps (list macros over long or nested lists, or lists built up with +) and was stopped`,
    );
    this.name = 'CostLimitError';
  }
}

// Thrown again and again rather than created per item: past the budget every step throws it.
const OVER_BUDGET = new CostLimitError();

/** Spends `units` of the running evaluation's budget; throws once it is spent. */
export function charge(units: number): void {
  remaining -= units;
  if (remaining < 0) throw OVER_BUDGET;
}

// cel-js's tree, as far as this file reads it.
interface Evaluator {
  run(node: CelNode, ctx: unknown): unknown;
}
interface CelNode {
  op: string;
  args: unknown;
  start: number;
  readonly meta: {
    alternate?: CelNode;
    macro?: { evaluate(ev: Evaluator, macro: unknown, ctx: unknown): unknown; [key: string]: unknown };
    evaluate(ev: Evaluator, node: CelNode, ctx: unknown): unknown;
  };
  evaluate(ev: Evaluator, node: CelNode, ctx: unknown): unknown;
}
interface ComprehensionArgs {
  iterable: CelNode;
  init: CelNode;
  step: CelNode;
  /** `exists` and `all` go on while it holds; map, filter and exists_one have none. */
  condition?: (accumulated: unknown) => boolean;
  result: (accumulated: unknown) => unknown;
}

const CelNodeClass = new Environment().parse('1').ast.constructor as new (...args: never[]) => CelNode;

/** A literal pattern RE2 refuses (a look-ahead, a back-reference), where it starts in the expression. */
export interface PatternProblem {
  start: number;
  message: string;
}

/**
 * Makes the checked tree of one expression count its cost and match with RE2. Returns the first
 * literal pattern RE2 refuses: evaluating it would fail.
 */
export function instrument(root: CelNode): PatternProblem | undefined {
  let problem: PatternProblem | undefined;
  for (const node of nodesOf(root)) {
    if (node.op === 'comprehension') countIterations(node.args as ComprehensionArgs);
    else if (node.op === '+') countGrowth(node);
    else if (node.op === 'rcall' && (node.args as unknown[])[0] === 'matches') problem ??= matchWithRe2(node);
  }
  return problem;
}

/** Every node under `root`, the trees macros expand into included. */
function nodesOf(root: CelNode): Set<CelNode> {
  const seen = new Set<CelNode>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) stack.push(...item);
    else if (item instanceof CelNodeClass && !seen.has(item)) {
      seen.add(item);
      const { alternate, macro } = item.meta;
      stack.push(item.args, alternate, macro?.val, macro?.exp, macro?.args);
      if (item.op === 'comprehension') {
        const { iterable, init, step } = item.args as ComprehensionArgs;
        stack.push(iterable, init, step);
      }
    }
  }
  return seen;
}

/** The node's own evaluation, as cel-js's `ASTNode.evaluate` dispatches it (without caching it on the node). */
function evaluateOwn(node: CelNode, ev: Evaluator, ctx: unknown): unknown {
  const { alternate, macro, evaluate } = node.meta;
  if (alternate) return ev.run(alternate, ctx);
  if (macro) return macro.evaluate(ev, macro, ctx);
  return evaluate.call(node, ev, node, ctx);
}

function countIterations(args: ComprehensionArgs): void {
  const { step, condition, result } = args;
  const units = nodesOf(step).size;
  step.evaluate = (ev, _node, ctx) => {
    charge(units);
    return evaluateOwn(step, ev, ctx);
  };
  // `exists` and `all` catch a failing step and go on to the next item (CEL's error semantics), so
  // past the budget they stop at once and fail, rather than throwing once per item left.
  if (condition) args.condition = (accumulated) => remaining >= 0 && condition(accumulated);
  args.result = (accumulated) => {
    if (remaining < 0) throw OVER_BUDGET;
    return result(accumulated);
  };
}

function countGrowth(node: CelNode): void {
  node.evaluate = (ev, _node, ctx) => {
    const result = evaluateOwn(node, ev, ctx);
    if (Array.isArray(result)) charge(result.length);
    else if (typeof result === 'string') charge(result.length / CHARACTERS_PER_UNIT);
    return result;
  };
}

function matchWithRe2(node: CelNode): PatternProblem | undefined {
  const [, receiver, [pattern]] = node.args as [string, CelNode, [CelNode]];
  node.evaluate = (ev, _node, ctx) => {
    const text = ev.run(receiver, ctx);
    const source = ev.run(pattern, ctx);
    if (typeof text !== 'string' || typeof source !== 'string')
      throw new TypeError('matches() needs a string and a string pattern');
    charge(text.length / CHARACTERS_PER_UNIT);
    return re2(source).test(text);
  };
  if (pattern.op !== 'value' || typeof pattern.args !== 'string') return undefined;
  try {
    re2(pattern.args);
    return undefined;
  } catch (error) {
    return {
      start: pattern.start,
      message: `${JSON.stringify(pattern.args)} is not a regular expression RE2 accepts: ${(error as Error).message}`,
    };
  }
}

// Patterns are usually literals, compiled once per process; a pattern held in a field is cached too.
const compiledPatterns = new Map<string, RE2JS>();
const MAX_CACHED_PATTERNS = 500;

function re2(source: string): RE2JS {
  let compiled = compiledPatterns.get(source);
  if (!compiled) {
    compiled = RE2JS.compile(source);
    if (compiledPatterns.size >= MAX_CACHED_PATTERNS) compiledPatterns.clear();
    compiledPatterns.set(source, compiled);
  }
  return compiled;
}

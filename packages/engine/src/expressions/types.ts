import type { FieldType } from '../model/fields.ts';

/** An ISO 8601 duration split into its parts (P1Y2M3W4DT5H6M7S). */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Company working time. The engine never reads a clock or a calendar itself; the runtime passes one in
 * the step context (the organisation's calendar), tests pass a fixed one.
 */
export interface WorkCalendar {
  /** `from` plus `duration` counted in working time: D/W parts as working days, H/M/S parts as working hours. */
  addWorkingTime(from: number, duration: Duration): number;
  isWorkingDay(at: number): boolean;
  /** The working time (ms) in `[from, to)`: hours of working days only; 0 when `to` is not after `from`. */
  workingTimeBetween(from: number, to: number): number;
}

/** A name an expression may use, with its declared type. */
export interface Declaration {
  name: string;
  /** A field type, or a structural type for engine-provided names (document, actor, loop variables). */
  type: FieldType | 'int' | 'map' | 'list' | 'dyn';
}

export type ExpressionMode = 'expression' | 'template';

export type ExpressionProblemCode = 'EXPRESSION_SYNTAX' | 'EXPRESSION_UNKNOWN_NAME' | 'EXPRESSION_TYPE';

export interface ExpressionProblem {
  code: ExpressionProblemCode;
  message: string;
}

/** What an expression sees when it runs: the names' values and the injected clock and calendar. */
export interface EvaluationScope {
  values: Record<string, unknown>;
  now: number;
  calendar?: WorkCalendar;
}

/** A parsed, type-checked expression or template; evaluate it many times. */
export interface CompiledExpression {
  readonly source: string;
  readonly mode: ExpressionMode;
  /** Plain JS values out: CEL integers (BigInt) come back as numbers, timestamps as ISO strings. */
  evaluate(scope: EvaluationScope): unknown;
}

/**
 * `ok` with a `problem`: the expression compiled, but a part of it fails whenever it runs (a pattern
 * RE2 refuses). Compiling a definition reports it as an error, and as a warning for a version
 * published before the check existed.
 */
export type CompileResult =
  | { ok: true; expression: CompiledExpression; problem?: ExpressionProblem }
  | { ok: false; problem: ExpressionProblem };

/** Thrown by `evaluate` when an expression fails at run time (a missing map key, a division by zero). */
export class ExpressionError extends Error {
  constructor(
    readonly source: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExpressionError';
  }
}

/**
 * Compiles expressions and templates against one set of declared names. Results (problems included)
 * are cached by mode and source, so compiling the same text again returns the same object.
 */
export interface ExpressionEnvironment {
  compile(source: string, mode: ExpressionMode): CompileResult;
}

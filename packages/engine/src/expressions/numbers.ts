import type { Environment } from '@marcbachmann/cel-js';

/**
 * CEL keeps int (BigInt) and double apart and has no mixed arithmetic, but business data arrives as
 * JSON numbers (double) next to integer literals: `amount + 1`, `amount * 2`, `amount == 1000`.
 * These overloads promote the int to a double, which is exact for every integer a JSON number
 * holds exactly. int ⊕ int keeps CEL semantics (`7 / 2 == 3`).
 */
const ARITHMETIC: Record<'+' | '-' | '*' | '/', (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
};

export function registerMixedNumberOperators(env: Environment): void {
  for (const [op, apply] of Object.entries(ARITHMETIC)) {
    env.registerOperator(`double ${op} int: double`, (a: number, b: bigint) => apply(a, Number(b)));
    env.registerOperator(`int ${op} double: double`, (a: bigint, b: number) => apply(Number(a), b));
  }
  // Registering `==` also gives `!=` and the mirrored `int == double`.
  env.registerOperator('double == int', (a: number, b: bigint) => a === Number(b));
  env.registerOperator('double in list<int>', (a: number, list: bigint[]) =>
    list.some((b) => a === Number(b)),
  );
  env.registerOperator('int in list<double>', (a: bigint, list: number[]) => list.includes(Number(a)));
}

import type { ActivityContext } from './plugin.ts';

/** Evaluates recipient/assignee expressions; each may give one value or a list. Empty values are dropped. */
export function evaluateList(ctx: ActivityContext<unknown>, sources: readonly string[]): string[] {
  const out: string[] = [];
  for (const source of sources) {
    const value = ctx.evaluate(source);
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== null && item !== undefined && item !== '') out.push(String(item));
    }
  }
  return out;
}

/** Evaluates a record of name → expression. */
export function evaluateRecord(
  ctx: ActivityContext<unknown>,
  sources: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, source] of Object.entries(sources)) out[name] = ctx.evaluate(source);
  return out;
}

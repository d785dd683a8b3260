/**
 * How deep values and sub-processes may nest. Past a few thousand levels the recursive code every
 * value meets (JSON.stringify when a state or draft is stored, the BPMN writer, the designer) runs
 * out of stack, so such input is refused where it enters, naming where; no business document or
 * process comes near these limits (.NET's JSON reader stops at 64 levels too).
 */
export const MAX_JSON_DEPTH = 64;
export const MAX_SUBPROCESS_DEPTH = 32;

interface Visit {
  value: object;
  depth: number;
  key?: string | number;
  parent?: Visit;
}

/**
 * The path to the first object or array in `value` nested more than `limit` levels deep (the value
 * itself, when an object or array, is level 1), or undefined when none is. Walks without recursion,
 * so the check cannot overflow where the input would.
 */
export function pathTooDeep(value: unknown, limit = MAX_JSON_DEPTH): (string | number)[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const pending: Visit[] = [{ value, depth: 1 }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    if (visit.depth > limit) return pathOf(visit);
    const entries: [string | number, unknown][] = Array.isArray(visit.value)
      ? visit.value.map((item, i) => [i, item])
      : Object.entries(visit.value);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null)
        pending.push({ value: child, depth: visit.depth + 1, key, parent: visit });
    }
  }
  return undefined;
}

function pathOf(visit: Visit): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.key !== undefined; v = v.parent) path.unshift(v.key);
  return path;
}

/** One thing wrong (or suspicious) with a definition, located precisely enough to click on. */
export interface Problem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  message: string;
  nodeId?: string;
  flowId?: string;
  /** JSON path into the definition, e.g. `nodes[3].config.to[0]`. */
  path?: string;
}

export type ProblemCode =
  | 'SCHEMA'
  | 'DUPLICATE_ID'
  | 'UNKNOWN_NODE_TYPE'
  | 'INVALID_CONFIG'
  | 'FLOW_SOURCE_MISSING'
  | 'FLOW_TARGET_MISSING'
  | 'BAD_REFERENCE'
  | 'NO_START'
  | 'UNREACHABLE'
  | 'NO_PATH_TO_END'
  | 'GATEWAY_NO_DEFAULT'
  | 'EXPRESSION_SYNTAX'
  | 'EXPRESSION_UNKNOWN_NAME'
  | 'EXPRESSION_TYPE'
  | 'LOOP_WITHOUT_WAIT'
  | 'BAD_STRUCTURE'
  | 'PARALLEL_JOIN_IN_LOOP';

/** Formats a path of keys and indexes as `nodes[3].config.to`. */
export function jsonPath(parts: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Human-readable one-line form used by the CLI and error messages. */
export function formatProblem(p: Problem): string {
  const where = [p.nodeId && `node ${p.nodeId}`, p.flowId && `flow ${p.flowId}`, p.path]
    .filter(Boolean)
    .join(', ');
  return `${p.severity} ${p.code}${where ? ` at ${where}` : ''}: ${p.message}`;
}

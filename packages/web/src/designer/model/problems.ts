import type { Problem } from '@baton/engine';
import type { Doc } from './doc.ts';

/** The element a problem points at, for the problems panel (click → select it) and the canvas marks. */
export type Target = { kind: 'node'; id: string } | { kind: 'flow'; id: string } | { kind: 'settings' };

export function targetOf(p: Pick<Problem, 'nodeId' | 'flowId' | 'path'>, doc: Doc): Target {
  if (p.nodeId) return { kind: 'node', id: p.nodeId };
  if (p.flowId) return { kind: 'flow', id: p.flowId };
  // Schema problems name only a path: `nodes[3].config` → that node.
  const m = /^(nodes|flows)\[(\d+)\]/.exec(p.path ?? '');
  const list = m?.[1] === 'nodes' ? doc.nodes : m?.[1] === 'flows' ? doc.flows : null;
  const element = list?.[Number(m?.[2])];
  if (element) return { kind: m?.[1] === 'nodes' ? 'node' : 'flow', id: element.id };
  return { kind: 'settings' };
}

/** Worst severity per element id, for marking nodes and flows on the canvas. */
export function marksOf(problems: readonly Problem[], doc: Doc): Map<string, 'error' | 'warning'> {
  const out = new Map<string, 'error' | 'warning'>();
  for (const p of problems) {
    const t = targetOf(p, doc);
    if (t.kind === 'settings') continue;
    if (out.get(t.id) !== 'error') out.set(t.id, p.severity);
  }
  return out;
}

/**
 * Problems of one config field, for inline errors in the property panel: those whose path is
 * `nodes[i].config.<path>` or below it (a list item, a record entry).
 */
export function fieldProblems(
  problems: readonly Problem[],
  doc: Doc,
  nodeId: string,
  path: readonly string[],
): Problem[] {
  const index = doc.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) return [];
  const prefix = `nodes[${index}].config${path.map((k) => `.${k}`).join('')}`;
  return problems.filter((p) => {
    const at = p.path ?? '';
    return at === prefix || at.startsWith(`${prefix}.`) || at.startsWith(`${prefix}[`);
  });
}

/** Problems of a flow's condition. */
export function conditionProblems(problems: readonly Problem[], flowId: string): Problem[] {
  return problems.filter((p) => p.flowId === flowId && (p.path ?? '').endsWith('.condition'));
}

/** Problems of a node that no field shows: structure (unreachable, no path to an end, …). */
export function nodeProblems(problems: readonly Problem[], nodeId: string): Problem[] {
  return problems.filter((p) => p.nodeId === nodeId && !/\.config[.[]|\.config$/.test(p.path ?? ''));
}

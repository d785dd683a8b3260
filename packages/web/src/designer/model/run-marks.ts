import type { RunMark } from './canvas.ts';
import type { Doc } from './doc.ts';

/**
 * A history entry as far as the marks need it: the engine's `HistoryEvent` (a test run in the browser)
 * and the server's history rows (a running instance's card) both fit.
 */
export interface MarkedEntry {
  type: string;
  nodeId?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/**
 * Where a run has been, for the canvas: each node's latest mark from the history (a loop makes a node
 * active again), and the flows taken — a gateway's chosen flows, else a flow whose source completed and
 * whose target was entered.
 */
export function runMarks(doc: Pick<Doc, 'flows'>, history: readonly MarkedEntry[]) {
  const run = new Map<string, RunMark>();
  const decided = new Map<string, Set<string>>();
  for (const h of history) {
    if (!h.nodeId) continue;
    if (h.type === 'node.entered') run.set(h.nodeId, 'active');
    else if (h.type === 'node.completed') run.set(h.nodeId, 'done');
    else if (h.type === 'node.cancelled') run.set(h.nodeId, 'cancelled');
    else if (h.type === 'gateway.decided') {
      const set = decided.get(h.nodeId) ?? new Set<string>();
      for (const f of (h.data?.flows as string[] | undefined) ?? []) set.add(f);
      decided.set(h.nodeId, set);
    }
  }
  const completed = new Set(history.filter((h) => h.type === 'node.completed').map((h) => h.nodeId));
  const entered = new Set(history.filter((h) => h.type === 'node.entered').map((h) => h.nodeId));
  const taken = new Set<string>();
  for (const f of doc.flows) {
    const chosen = decided.get(f.source);
    if (chosen ? chosen.has(f.id) : completed.has(f.source) && entered.has(f.target)) taken.add(f.id);
  }
  return { run, taken };
}

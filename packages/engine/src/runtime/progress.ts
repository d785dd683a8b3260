import type { Flow } from '../model/flow.ts';

/** How a node stands in a run. */
export type NodeMark = 'active' | 'done' | 'cancelled';

/** A history entry as far as progress needs it: the engine's `HistoryEvent` and the API's items both fit. */
export interface ProgressEntry {
  type: string;
  nodeId?: string | undefined;
  tokenId?: string | undefined;
  data?: Record<string, unknown> | undefined;
}

/** Where a run is and has been, for a diagram and "where it is now". */
export interface RunProgress {
  /** Each node's latest mark (a loop makes a node active again); a node a token is at now is active. */
  nodes: Record<string, NodeMark>;
  /** Flows taken: a gateway's chosen flows, else a flow whose source completed and whose target was entered. */
  flows: string[];
  /** The nodes entered and not yet left, by token, in the order entered; a waiting join shows too. */
  current: string[];
}

const MARKS = new Map<string, NodeMark>([
  ['node.entered', 'active'],
  ['node.completed', 'done'],
  ['node.cancelled', 'cancelled'],
]);

/** One pass over the history; the flows are the definition's (source and target by id). */
export function runProgress(
  flows: readonly Pick<Flow, 'id' | 'source' | 'target'>[],
  history: Iterable<ProgressEntry>,
): RunProgress {
  const marks = new Map<string, NodeMark>();
  const decided = new Map<string, Set<string>>();
  const completed = new Set<string>();
  const entered = new Set<string>();
  const at = new Map<string, string>();
  for (const h of history) {
    if (h.nodeId === undefined) continue;
    const mark = MARKS.get(h.type);
    if (mark !== undefined) {
      marks.set(h.nodeId, mark);
      if (mark === 'active') entered.add(h.nodeId);
      else if (mark === 'done') completed.add(h.nodeId);
      if (h.tokenId !== undefined) {
        if (mark === 'active') at.set(h.tokenId, h.nodeId);
        else at.delete(h.tokenId);
      }
    } else if (h.type === 'gateway.decided') {
      const chosen = decided.get(h.nodeId) ?? new Set<string>();
      for (const f of (h.data?.flows as string[] | undefined) ?? []) chosen.add(f);
      decided.set(h.nodeId, chosen);
    }
  }
  const current = [...new Set(at.values())];
  for (const id of current) marks.set(id, 'active');
  const taken = flows.filter((f) => {
    const chosen = decided.get(f.source);
    return chosen ? chosen.has(f.id) : completed.has(f.source) && entered.has(f.target);
  });
  return { nodes: Object.fromEntries(marks), flows: taken.map((f) => f.id), current };
}

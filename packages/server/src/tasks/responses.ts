import type { HistoryEvent } from '@baton/engine';
import type { TaskView } from './service.ts';

/** One answer to a task: who, when, what. */
export interface Answer {
  taskId: string;
  by: string | null;
  at: string | null;
  outcome: string | null;
  comment: string | null;
}

/**
 * Who answered a user task node and who did not: for an acknowledgment, who confirmed and when and who
 * let the deadline pass (their tasks cancelled with reason `deadline passed`); for a vote, each voter's
 * outcome and the seats left unanswered once it was decided.
 */
export interface NodeResponses {
  nodeId: string;
  title: string;
  kind: string;
  answered: Answer[];
  open: { taskId: string; assignees: string[]; dueAt: string | null }[];
  unanswered: { taskId: string; assignees: string[]; reason: string | null; at: string | null }[];
}

/** The instance's tasks grouped by node, in the order the engine created them (its history). */
export function responsesOf(tasks: readonly TaskView[], history: readonly HistoryEvent[]): NodeResponses[] {
  const cancelReasons = new Map<string, string>();
  const createdAt = new Map<string, number>();
  history.forEach((h, i) => {
    const reason = h.data?.reason;
    if (h.type === 'task.created' && h.taskId !== undefined) createdAt.set(h.taskId, i);
    if (h.type === 'task.cancelled' && h.taskId !== undefined && typeof reason === 'string')
      cancelReasons.set(h.taskId, reason);
  });
  const engineId = (t: TaskView) => t.id.slice(t.instanceId.length + 1);
  const order = (t: TaskView) => createdAt.get(engineId(t)) ?? Number.MAX_SAFE_INTEGER;
  const byNode = new Map<string, NodeResponses>();
  for (const t of [...tasks].sort((a, b) => order(a) - order(b))) {
    let node = byNode.get(t.nodeId);
    if (!node) {
      node = { nodeId: t.nodeId, title: t.title, kind: t.kind, answered: [], open: [], unanswered: [] };
      byNode.set(t.nodeId, node);
    }
    if (t.status === 'completed')
      node.answered.push({
        taskId: t.id,
        by: t.completedBy,
        at: t.completedAt,
        outcome: t.outcome,
        comment: t.comment,
      });
    else if (t.status === 'open') node.open.push({ taskId: t.id, assignees: t.assignees, dueAt: t.dueAt });
    else {
      node.unanswered.push({
        taskId: t.id,
        assignees: t.assignees,
        reason: cancelReasons.get(engineId(t)) ?? null,
        at: t.completedAt,
      });
    }
  }
  return [...byNode.values()];
}

import type { HistoryEvent } from '@baton/engine';

const LOCATION = ['nodeId', 'taskId', 'timerId', 'tokenId', 'actor'] as const;

/**
 * One history event as the `baton run --json` line: `type` first, `at` as ISO 8601, then where it
 * happened, then its data fields flattened (they never overwrite the fields before them).
 */
export function jsonLine(event: HistoryEvent): string {
  const out: Record<string, unknown> = { type: event.type, at: new Date(event.at).toISOString() };
  for (const key of LOCATION) if (event[key] !== undefined) out[key] = event[key];
  for (const [key, value] of Object.entries(event.data ?? {})) if (!(key in out)) out[key] = value;
  return JSON.stringify(out);
}

/** One history event as a readable timeline row: time, event, node, task or timer, details. */
export function humanLine(event: HistoryEvent): string {
  const time = new Date(event.at)
    .toISOString()
    .replace('T', ' ')
    .replace(/:00\.000Z$|\.\d{3}Z$/, '');
  const columns = [
    time.padEnd(19),
    event.type.padEnd(19),
    (event.nodeId ?? '').padEnd(16),
    (event.taskId ?? event.timerId ?? '').padEnd(6),
    details(event),
  ];
  return columns.join(' ').trimEnd();
}

function details(event: HistoryEvent): string {
  const data = event.data ?? {};
  const error = data.error as { code?: string; message?: string } | undefined;
  if (error) return `${error.code}: ${error.message}`;
  if (event.type === 'timer.scheduled' && typeof data.dueAt === 'number')
    return `due ${new Date(data.dueAt).toISOString()}`;
  if (event.type === 'gateway.decided') return `→ ${(data.flows as string[]).join(', ')}`;
  if (event.type === 'variables.changed') return (data.names as string[]).join(', ');
  if (event.type === 'task.created') return (data.assignees as string[] | undefined)?.join(', ') ?? '';
  if (event.type === 'task.completed' && data.outcome) return String(data.outcome);
  const reason = data.reason;
  return typeof reason === 'string' ? reason : '';
}

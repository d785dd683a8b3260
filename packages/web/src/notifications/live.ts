import { useSyncExternalStore } from 'react';
import type { Notice } from '../api/schema.gen.ts';

/**
 * The signed-in user's event stream, `GET /api/v1/events` (Server-Sent Events): `task.created` and
 * `notification`, each after the change committed. EventSource reconnects by itself; while it is down
 * (or the server has no stream) `connected` is false and the inboxes poll instead.
 */
export type LiveEvent =
  | { type: 'task.created'; data: { id: string; title: string; instanceId: string } }
  | {
      type: 'notification';
      data: {
        id: string;
        text: string;
        message: Notice | null;
        instanceId: string | null;
        createdAt: string;
      };
    };

let connected = false;
const listeners = new Set<() => void>();
const setConnected = (value: boolean) => {
  if (connected === value) return;
  connected = value;
  for (const listener of listeners) listener();
};

/** Whether the stream is open now (re-renders on change). */
export function useLiveConnected(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => connected,
  );
}

/** Opens the stream; `onOpen` runs on every (re)connection, when events may have been missed. */
export function openEventStream(handlers: {
  onEvent: (event: LiveEvent) => void;
  onOpen: () => void;
}): () => void {
  if (typeof EventSource === 'undefined') return () => {};
  const source = new EventSource('/api/v1/events', { withCredentials: true });
  source.onopen = () => {
    setConnected(true);
    handlers.onOpen();
  };
  // CONNECTING: it retries by itself; CLOSED: the server refused (e.g. the session ended) and it won't.
  source.onerror = () => setConnected(source.readyState === EventSource.OPEN);
  for (const type of ['task.created', 'notification'] as const) {
    source.addEventListener(type, (message) => {
      handlers.onEvent({ type, data: JSON.parse((message as MessageEvent<string>).data) } as LiveEvent);
    });
  }
  return () => {
    source.close();
    setConnected(false);
  };
}

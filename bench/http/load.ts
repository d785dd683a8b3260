import autocannon from 'autocannon';
import type { BatonServer } from './server.ts';

export interface Call {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

export interface Fired {
  /** Response times (ms), in the order responses arrived. */
  latencies: number[];
  /** Response bodies, in the same order. */
  bodies: string[];
}

/**
 * Sends every call once through autocannon, `clients` at a time (fewer when there are fewer calls),
 * each connection taking the next call as soon as its previous one is answered. Any answer other than
 * 2xx, a connection error or a timeout fails the run.
 */
export async function fire(server: BatonServer, calls: readonly Call[], clients: number): Promise<Fired> {
  const fired: Fired = { latencies: [], bodies: [] };
  if (calls.length === 0) return fired;
  let next = 0;
  const failures: string[] = [];
  const instance = autocannon({
    url: server.url,
    connections: Math.min(clients, calls.length),
    amount: calls.length,
    timeout: 30,
    // autocannon notices that all connections are done at its next sample (default: each second).
    sampleInt: 5,
    requests: [
      {
        // autocannon builds each connection's next request when it sends it: one call each, in order.
        setupRequest: (request) => {
          const call = calls[next++] as Call;
          return { ...request, method: call.method, path: call.path, ...payload(server, call) };
        },
        onResponse: (status, body) => {
          if (status >= 300) failures.push(`${status} ${body.slice(0, 300)}`);
          else fired.bodies.push(body);
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, ms) => fired.latencies.push(ms));
  const result = await instance;
  if (failures.length > 0 || result.errors > 0 || result.timeouts > 0)
    throw new Error(
      `HTTP load: ${failures.length} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; first: ${failures[0]}`,
    );
  return fired;
}

/** One request outside the load (setup and checks), answered 2xx or thrown. */
export async function call<T>(server: BatonServer, c: Call): Promise<T> {
  const response = await fetch(`${server.url}${c.path}`, { method: c.method, ...payload(server, c) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${c.method} ${c.path}: ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

/** Headers and body of a call: JSON only when there is a body (Fastify rejects an empty JSON body). */
function payload(server: BatonServer, c: Call): { headers: Record<string, string>; body?: string } {
  if (c.body === undefined) return { headers: server.headers };
  return {
    headers: { ...server.headers, 'content-type': 'application/json' },
    body: JSON.stringify(c.body),
  };
}

import { Pool } from 'undici';
import type { BatonServer } from './server.ts';

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  path: string;
  body?: unknown;
}

export interface Fired {
  /** Response times (ms), in the order responses arrived. */
  latencies: number[];
  /** Response bodies, in the same order. */
  bodies: string[];
}

/** No answer within this long fails the run (a hung server must not hang the bench). */
const TIMEOUT_MS = 30_000;

/**
 * `clients` HTTP clients, each with its own keep-alive connection for the whole run — as browsers and
 * integrations keep theirs. (A load generator started per batch would open new connections at every
 * batch, and their first requests wait for the busy server to accept them: a latency no client with
 * an open connection sees.)
 */
export class Clients {
  private readonly pool: Pool;

  constructor(
    private readonly server: BatonServer,
    readonly count: number,
  ) {
    this.pool = new Pool(server.url, {
      connections: count,
      pipelining: 1,
      headersTimeout: TIMEOUT_MS,
      bodyTimeout: TIMEOUT_MS,
    });
  }

  /**
   * Sends every call once, each client taking the next call as soon as its previous one is answered
   * (a closed loop: at most `count` requests in flight). Any answer other than 2xx fails the run.
   */
  async fire(calls: readonly Call[]): Promise<Fired> {
    const fired: Fired = { latencies: [], bodies: [] };
    let next = 0;
    let failed = false;
    const client = async () => {
      while (next < calls.length && !failed) {
        const request = calls[next++] as Call;
        const { method, path } = request;
        const { headers, body } = payload(this.server, request);
        const at = performance.now();
        const response = await this.pool.request({ method, path, headers, body });
        const text = await response.body.text();
        fired.latencies.push(performance.now() - at);
        if (response.statusCode >= 300) {
          failed = true; // the other clients stop too: the run has failed
          throw new Error(`HTTP load: ${method} ${path}: ${response.statusCode} ${text.slice(0, 300)}`);
        }
        fired.bodies.push(text);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.count, calls.length) }, client));
    return fired;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
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

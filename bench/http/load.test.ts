import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Clients } from './load.ts';
import { type BatonServer, NODE_FLAGS } from './server.ts';

/** A loopback server answering each request with its path (status and delay by path), counting connections. */
async function echoServer(delayMs: (path: string) => number, status = (_path: string) => 200) {
  const seen = { connections: 0, inFlight: 0, maxInFlight: 0, paths: [] as string[] };
  const server: Server = createServer((request, response) => {
    seen.inFlight++;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    seen.paths.push(request.url ?? '');
    setTimeout(
      () => {
        seen.inFlight--;
        response.writeHead(status(request.url ?? ''), { 'content-type': 'text/plain' }).end(request.url);
      },
      delayMs(request.url ?? ''),
    );
  });
  server.on('connection', () => seen.connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const target: BatonServer = {
    url: `http://127.0.0.1:${port}`,
    headers: {},
    rssMb: () => 0,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return { target, seen };
}

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const done of cleanup.splice(0)) await done();
});

describe('HTTP bench clients', () => {
  it('send every call once, at most `count` at a time, over connections kept across batches', async () => {
    const { target, seen } = await echoServer(() => 2);
    const clients = new Clients(target, 4);
    cleanup.push(
      () => clients.close(),
      () => target.stop(),
    );
    const calls = Array.from({ length: 40 }, (_, i) => ({ method: 'GET' as const, path: `/c${i}` }));
    const first = await clients.fire(calls);
    const second = await clients.fire(calls.slice(0, 8));
    expect(first.bodies.sort()).toEqual(calls.map((c) => c.path).sort());
    expect(first.latencies).toHaveLength(40);
    expect(first.latencies.every((ms) => ms >= 1)).toBe(true);
    expect(second.bodies).toHaveLength(8);
    expect(seen.paths).toHaveLength(48);
    expect(seen.maxInFlight).toBe(4);
    expect(seen.connections).toBe(4);
  });

  it('fail the run on an answer other than 2xx, naming the request, and send nothing more', async () => {
    const { target, seen } = await echoServer(
      (path) => (path === '/c0' ? 0 : 20),
      (path) => (path === '/c0' ? 409 : 200),
    );
    const clients = new Clients(target, 2);
    cleanup.push(
      () => clients.close(),
      () => target.stop(),
    );
    const calls = Array.from({ length: 10 }, (_, i) => ({
      method: 'POST' as const,
      path: `/c${i}`,
      body: {},
    }));
    await expect(clients.fire(calls)).rejects.toThrow('HTTP load: POST /c0: 409');
    await new Promise((resolve) => setTimeout(resolve, 50)); // time for more requests, were any sent
    expect(seen.paths).toEqual(['/c0', '/c1']);
  });

  it('run the server with the Node flags `npm start` gives it', () => {
    const start = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).scripts
      .start;
    expect(start).toContain(`node ${NODE_FLAGS.join(' ')} packages/server/bin/baton.js serve`);
  });
});

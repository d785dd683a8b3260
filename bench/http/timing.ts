import type { BatonServer } from './server.ts';

/**
 * The median of five sequential `GET path` requests (after one that warms the statement cache), in ms,
 * sent with `headers` (default: the admin token).
 */
export async function timed(server: BatonServer, path: string, headers = server.headers): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const at = performance.now();
    const res = await fetch(`${server.url}${path}`, { headers });
    await res.text();
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    if (i > 0) times.push(performance.now() - at);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

export const round = (ms: number): number => Math.round(ms * 10) / 10;

import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

export const BINARY = { 'content-type': 'application/octet-stream' };

type Call = (
  method: InjectOptions['method'],
  url: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<LightMyRequestResponse>;

/** Uploads `content` as `name` for a `file` field (201 expected) and answers what the server said of it. */
export async function upload(call: Call, name: string, content: Buffer) {
  const res = await call('POST', `/api/v1/uploads?name=${encodeURIComponent(name)}`, content, BINARY);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string; contentType: string; size: number };
}

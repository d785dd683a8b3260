import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gunzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppOptions, buildApp as build } from '../src/app.ts';
import { type Baton, boot } from '../src/runtime/boot.ts';

const indexHtml = '<!doctype html><title>Baton test</title><div id="root"></div>';
const bigScript = `console.log(${JSON.stringify('Baton '.repeat(500))});`;
let webRoot: string;
let baton: Baton;
const buildApp = (options: Omit<AppOptions, 'baton'>) => build({ baton, ...options });

beforeAll(async () => {
  baton = await boot({ databaseUrl: 'sqlite::memory:', worker: false, log: pino({ level: 'silent' }) });
  webRoot = await mkdtemp(join(tmpdir(), 'baton-web-'));
  await mkdir(join(webRoot, 'assets'));
  await writeFile(join(webRoot, 'index.html'), indexHtml);
  await writeFile(join(webRoot, 'assets', 'app.js'), 'console.log("baton");');
  // As `npm run build` leaves a large file: with its brotli variant beside it.
  await writeFile(join(webRoot, 'assets', 'big.js'), bigScript);
  await writeFile(join(webRoot, 'assets', 'big.js.br'), brotliCompressSync(bigScript));
});

afterAll(async () => {
  await baton.close();
  await rm(webRoot, { recursive: true, force: true });
});

describe('GET /health', () => {
  it('answers 200 with status ok', async () => {
    const response = await buildApp({ webRoot }).inject('/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });
});

describe('web app', () => {
  it('serves index.html at /', async () => {
    const response = await buildApp({ webRoot }).inject('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(indexHtml);
  });

  it('serves built assets as they are', async () => {
    const response = await buildApp({ webRoot }).inject('/assets/app.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log("baton");');
  });

  it("sends the build's brotli file to a browser that accepts it, the file itself to one that does not", async () => {
    const app = buildApp({ webRoot });
    const br = await app.inject({ url: '/assets/big.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload).toEqual(brotliCompressSync(bigScript));
    const plain = await app.inject('/assets/big.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(bigScript);
  });

  it('lets browsers keep hashed assets for good and revalidate index.html', async () => {
    const app = buildApp({ webRoot });
    const asset = await app.inject('/assets/app.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/processes/42'])
      expect((await app.inject(url)).headers['cache-control'], url).toBe('no-cache');
  });

  it('answers a client-side route with index.html', async () => {
    const response = await buildApp({ webRoot }).inject('/inbox/42?tab=history');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe(indexHtml);
  });

  it('answers 503 with instructions when the app is not built', async () => {
    const response = await buildApp({ webRoot: join(webRoot, 'missing') }).inject('/');
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toContain('npm run build');
  });
});

describe('compression', () => {
  it('compresses an answer over 1 KiB for a client that accepts it, and only then', async () => {
    const app = buildApp({ webRoot });
    const plain = await app.inject('/api/docs/json');
    expect(plain.body.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzip = await app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(gzip.rawPayload.length).toBeLessThan(plain.body.length / 4);
    const small = await app.inject({ url: '/health', headers: { 'accept-encoding': 'gzip, br' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ status: 'ok' });
  });
});

describe('errors', () => {
  it('answers an unknown /api path with a problem+json 404', async () => {
    const response = await buildApp({ webRoot }).inject('/api/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route for GET /api/nothing-here',
    });
  });

  it('answers a non-GET outside /api with a problem+json 404, not the app', async () => {
    const response = await buildApp({ webRoot }).inject({ method: 'POST', url: '/inbox' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, detail: 'No route for POST /inbox' });
  });

  it('keeps the message of a client error', async () => {
    const app = buildApp({ webRoot });
    app.post('/api/echo', async (request) => request.body);
    const response = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
  });

  it('hides the message of a server error', async () => {
    const app = buildApp({ webRoot });
    app.get('/api/boom', async () => {
      throw new Error('database password is hunter2');
    });
    const response = await app.inject('/api/boom');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Internal Server Error',
      status: 500,
      detail: 'The server could not complete the request.',
    });
  });
});

describe('request log', () => {
  it('writes one line per answered request, without headers or body', async () => {
    const lines: string[] = [];
    const logged = await boot({
      databaseUrl: 'sqlite::memory:',
      worker: false,
      log: pino({ level: 'info' }, { write: (line: string) => void lines.push(line) }),
    });
    try {
      const app = build({ baton: logged, webRoot });
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { authorization: 'Bearer tok-never-logged' },
        payload: { login: 'admin', password: 'pw-never-logged' },
      });
      const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request');
      expect(requests).toEqual([
        expect.objectContaining({
          method: 'POST',
          url: '/api/v1/auth/login',
          status: response.statusCode,
          ms: expect.any(Number),
        }),
      ]);
      expect(lines.join('\n')).not.toMatch(/never-logged/);
    } finally {
      await logged.close();
    }
  });
});

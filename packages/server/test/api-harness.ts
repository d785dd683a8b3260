import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildApp } from '../src/app.ts';
import { type Baton, type BootOptions, boot } from '../src/runtime/boot.ts';

/** Every API suite runs once per dialect, each on a database of its own (a temp file, a fresh PG database). */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

export const TOKEN = 'test-admin-token';
/** The password of the first administrator (login `admin`) every API suite boots with. */
export const ADMIN_PASSWORD = 'test-admin-password';
export const PG_ADMIN_URL = process.env.BATON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export const fixturePath = (name: string) => fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
export const fixtureText = (name: string) => readFileSync(fixturePath(name), 'utf8');
export const fixtureJson = (name: string) => JSON.parse(fixtureText(name)) as Record<string, unknown>;

// Several test files open pools at once: keep each small.
process.env.BATON_DB_POOL ??= '4';

/** A fresh, empty database for one suite; `drop()` removes it. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'baton-api-'));
    return { url: `sqlite:${join(dir, 'baton.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const name = `baton_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface Api {
  readonly app: FastifyInstance;
  readonly baton: Baton;
  /** The runtime's clock (epoch ms); tests move it. */
  readonly clock: { now: number };
  /** A request with the admin token (unless `headers.authorization` says otherwise). */
  call(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Stores `definition` as the draft of its key (or `key`) and publishes it; returns the version. */
  publish(definition: Record<string, unknown>, key?: string): Promise<number>;
  /** Starts an instance; expects 201 and returns its id. */
  start(definitionKey: string, params?: Record<string, unknown>): Promise<string>;
  /** The open tasks of an instance. */
  openTasks(instanceId: string): Promise<{ id: string; nodeId: string }[]>;
}

export const START = Date.parse('2029-12-31T09:00:00.000Z');

/** Boot options a suite sets beyond the harness's own. */
export type SuiteOptions = Pick<BootOptions, 'mail' | 'sms' | 'plugins'>;

async function openApi(dialect: Dialect, options: SuiteOptions): Promise<Api & { close(): Promise<void> }> {
  const db = await freshDatabase(dialect);
  const clock = { now: START };
  const baton = await boot({
    databaseUrl: db.url,
    worker: false,
    adminToken: TOKEN,
    adminPassword: ADMIN_PASSWORD,
    // The secret `runDueJobs` signs with: a webhook's test send and its jobs sign alike.
    webhookSecret: 'test',
    now: () => clock.now,
    log: pino({ level: 'silent' }),
    ...options,
  });
  const app = buildApp({ baton });
  await app.ready();
  const call: Api['call'] = (method, url, body, headers = {}) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${TOKEN}`, ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
  return {
    app,
    baton,
    clock,
    call,
    async publish(definition, key) {
      const k = key ?? (definition.key as string);
      const draft = await call('PUT', `/api/v1/definitions/${k}/draft`, { ...definition, key: k });
      expect(draft.statusCode, draft.body).toBe(200);
      const published = await call('POST', `/api/v1/definitions/${k}/publish`);
      expect(published.statusCode, published.body).toBe(200);
      return published.json().version as number;
    },
    async start(definitionKey, params = {}) {
      const res = await call('POST', '/api/v1/instances', { definitionKey, params });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    },
    async openTasks(instanceId) {
      const res = await call('GET', `/api/v1/tasks?instanceId=${instanceId}&status=open`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items;
    },
    async close() {
      await app.close();
      await baton.close();
      await db.drop();
    },
  };
}

/**
 * Declares the same suite for every dialect: `body` gets an accessor for the booted API (available
 * inside tests and hooks).
 */
export function apiSuite(
  name: string,
  body: (api: () => Api, dialect: Dialect) => void,
  options: SuiteOptions = {},
): void {
  describe.each(DIALECTS)(`${name} [%s]`, (dialect) => {
    let api: (Api & { close(): Promise<void> }) | undefined;
    beforeAll(async () => {
      api = await openApi(dialect, options);
    });
    afterAll(async () => {
      await api?.close();
    });
    body(() => {
      if (!api) throw new Error('the API is not open yet');
      return api;
    }, dialect);
  });
}

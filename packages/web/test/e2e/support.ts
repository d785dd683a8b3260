/**
 * The browser-test harness: a real Baton server in-process on a temporary SQLite file and a free loopback
 * port, serving the built web app; headless Debian Chromium driven by playwright-core; sign-in and
 * screenshot helpers. Any e2e suite (the designer's too) builds on these.
 *
 * @example
 * const server = await startServer();
 * const browser = await newBrowser();
 * const page = await newPage(browser, server, { viewport: PHONE });
 * await login(page, 'olga');
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Baton, type BootOptions, boot, buildApp } from '@baton/server';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { DIST, ensureWebBuilt } from './web-build.ts';

export { DIST, ensureWebBuilt, SETUP_TIMEOUT, WEB_ROOT, webBuildIsStale } from './web-build.ts';

/**
 * Where screenshot() writes: docs/screenshots (the README's images) when BATON_SCREENSHOTS=1, else a
 * temporary folder, so an ordinary test run leaves the working tree as it was.
 */
export const SCREENSHOTS = process.env.BATON_SCREENSHOTS
  ? fileURLToPath(new URL('../../../../docs/screenshots', import.meta.url))
  : join(tmpdir(), 'baton-screenshots');
export const CHROMIUM = process.env.BATON_CHROMIUM ?? '/usr/bin/chromium';

export const PHONE = { width: 375, height: 812 } as const;
export const DESKTOP = { width: 1440, height: 900 } as const;

export const ADMIN_TOKEN = 'e2e-admin-token';
/** Every seeded user's password (the administrator `admin` included). */
export const PASSWORD = 'baton-e2e-password';
/** What the server signs its webhooks with, so a test's receiver can check a signature. */
export const WEBHOOK_SECRET = 'baton-e2e-webhook-secret';

// --------------------------------------------------------------------------------------------- server

export interface TestServer {
  readonly url: string;
  readonly baton: Baton;
  readonly app: FastifyInstance;
  /** A JSON request with the admin token; throws on a status other than `expect` (default 2xx). */
  api<T = unknown>(method: string, path: string, body?: unknown, expect?: number): Promise<T>;
  close(): Promise<void>;
}

/**
 * Builds the app if needed, boots Baton on a temporary SQLite file and listens on a free loopback port;
 * `options` adds boot settings (e-mail, SMS, plugins).
 */
export async function startServer(
  options: Pick<BootOptions, 'mail' | 'sms' | 'plugins'> = {},
): Promise<TestServer> {
  await ensureWebBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'baton-e2e-'));
  const baton = await boot({
    databaseUrl: `sqlite:${join(dir, 'baton.db')}`,
    worker: true,
    adminToken: ADMIN_TOKEN,
    adminPassword: PASSWORD,
    webhookSecret: WEBHOOK_SECRET,
    log: pino({ level: process.env.BATON_TEST_LOG ?? 'silent' }),
    ...options,
  });
  const app = buildApp({ baton, webRoot: DIST });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    baton,
    app,
    async api<T>(method: string, path: string, body?: unknown, expect?: number) {
      const res = await app.inject({
        method: method as 'GET',
        url: path,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        ...(body === undefined
          ? {}
          : typeof body === 'string'
            ? { payload: body }
            : { payload: body as object }),
      });
      const ok =
        expect === undefined ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === expect;
      if (!ok) throw new Error(`${method} ${path} answered ${res.statusCode}: ${res.body}`);
      return (res.body ? res.json() : null) as T;
    },
    async close() {
      await app.close();
      await baton.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// -------------------------------------------------------------------------------------------- browser

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, headless; never a downloaded browser. */
export function newBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** The browser's language (the app's default until the user picks one). */
  locale?: string;
}

/** A page in a fresh context (own cookies and storage) whose relative URLs resolve against the server. */
export async function newPage(
  browser: Browser,
  server: TestServer,
  options: PageOptions = {},
): Promise<Page> {
  const viewport = options.viewport ?? DESKTOP;
  const phone = viewport.width < 600;
  const context = await browser.newContext({
    baseURL: server.url,
    viewport,
    locale: options.locale ?? 'en-US',
    timezoneId: 'Europe/Moscow',
    isMobile: phone,
    hasTouch: phone,
    deviceScaleFactor: phone ? 2 : 1,
  });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

/** Signs in through the sign-in page (English labels) and waits for the first page behind it. */
export async function login(page: Page, userLogin: string, password = PASSWORD): Promise<void> {
  await page.goto('/signin');
  await page.getByRole('textbox', { name: 'Login' }).fill(userLogin);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { waitUntil: 'commit' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** Saves a screenshot of the viewport as <name>.png in SCREENSHOTS (docs/screenshots with BATON_SCREENSHOTS=1). */
export async function screenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // Let fonts, transitions and the notification toasts settle.
  await page.waitForTimeout(400);
  await page.screenshot({
    path,
    fullPage: options.fullPage ?? false,
    animations: 'disabled',
    style: '.mantine-Notifications-root { display: none !important; }',
  });
  return path;
}

/**
 * Waits for the page's h1; when it does not come, the error says what the page shows instead (an error
 * notice, the sign-in page, a spinner) and saves a screenshot under the temp folder.
 */
export async function waitForHeading(page: Page, name: string | RegExp, timeout = 15_000): Promise<void> {
  try {
    await page.getByRole('heading', { level: 1, name }).waitFor({ timeout });
  } catch (error) {
    const shown = await page
      .locator('body')
      .ariaSnapshot()
      .catch(() => '(no body)');
    const shot = join(tmpdir(), `baton-e2e-${Date.now()}.png`);
    await page.screenshot({ path: shot }).catch(() => {});
    throw new Error(
      `no heading ${name} at ${page.url()} (screenshot ${shot}); the page shows:\n${shown.slice(0, 1500)}`,
      {
        cause: error,
      },
    );
  }
}

/** How far the page is wider than the viewport (0: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// --------------------------------------------------------------------------------------------- seeding

export interface SeededCompany {
  admin: string;
  head: string;
  employee: string;
  accountant: string;
}

/**
 * A small company: the administrator `admin`, a sales department headed by Olga with Ivan in it, and an
 * accountant in finance. Logins equal ids; every password is PASSWORD.
 */
export async function seedCompany(server: TestServer): Promise<SeededCompany> {
  const user = (id: string, name: string, extra: Record<string, unknown> = {}) =>
    server.api('POST', '/api/v1/users', { id, login: id, name, password: PASSWORD, ...extra });
  await server.api('POST', '/api/v1/departments', { id: 'management', name: 'Management' });
  await server.api('POST', '/api/v1/departments', { id: 'sales', name: 'Sales', parentId: 'management' });
  await server.api('POST', '/api/v1/departments', { id: 'finance', name: 'Finance', parentId: 'management' });
  await user('olga', 'Olga Smirnova', { position: 'Head of sales', departmentId: 'sales' });
  await user('ivan', 'Ivan Petrov', { position: 'Sales manager', departmentId: 'sales' });
  await user('anna', 'Anna Kuznetsova', { position: 'Accountant', departmentId: 'finance' });
  await server.api('PATCH', '/api/v1/departments/sales', { headId: 'olga' });
  await server.api('PATCH', '/api/v1/users/admin', { departmentId: 'management' });
  return { admin: 'admin', head: 'olga', employee: 'ivan', accountant: 'anna' };
}

/** Stores a definition as a draft and publishes it (what the designer does), returning the version. */
export async function publish(server: TestServer, definition: Record<string, unknown>): Promise<number> {
  const key = definition.key as string;
  await server.api('PUT', `/api/v1/definitions/${key}/draft`, definition);
  const published = await server.api<{ version: number }>('POST', `/api/v1/definitions/${key}/publish`);
  return published.version;
}

/** A definition from test/e2e/fixtures, parsed (`vacation.json`); `T` says what the caller reads it as. */
export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Starts a process of the newest published version on behalf of `startedBy`; its id and status. */
export function startInstance(
  server: TestServer,
  start: { definitionKey: string; params?: Record<string, unknown>; startedBy: string },
): Promise<{ id: string; status: string }> {
  return server.api('POST', '/api/v1/instances', start);
}

/** The id of an instance's first open task ('' when none is open). */
export async function openTaskId(server: TestServer, instanceId: string): Promise<string> {
  const tasks = await server.api<{ items: { id: string }[] }>(
    'GET',
    `/api/v1/tasks?instanceId=${instanceId}&status=open`,
  );
  return tasks.items[0]?.id ?? '';
}

/** `inspection`: one parallel split into `branches` review tasks for Ivan, joined before the end. */
export function fanOut(branches: number): Record<string, unknown> {
  const ids = Array.from({ length: branches }, (_, i) => `check${i + 1}`);
  return {
    key: 'inspection',
    name: 'House inspection',
    nodes: [
      { id: 'start', type: 'start' },
      { id: 'split', type: 'parallel' },
      ...ids.map((id) => ({
        id,
        type: 'userTask',
        name: id,
        config: { kind: 'review', assignees: ["'ivan'"] },
      })),
      { id: 'join', type: 'parallel' },
      { id: 'end', type: 'end' },
    ],
    flows: [
      { id: 'f0', source: 'start', target: 'split' },
      ...ids.flatMap((id) => [
        { id: `in-${id}`, source: 'split', target: id },
        { id: `out-${id}`, source: id, target: 'join' },
      ]),
      { id: 'f1', source: 'join', target: 'end' },
    ],
  };
}

/** Switches the app to Russian through the header's language menu, as a reader would. */
export async function switchToRussian(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Language: English' }).click();
  await page.getByRole('menuitem', { name: 'Русский' }).click();
}

/** On a phone in Russian: opens the burger menu and goes to its page `name`, whose heading says so. */
export async function openFromRussianMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Открыть меню' }).click();
  await page
    .getByRole('navigation', { name: 'Главное меню' })
    .getByRole('link', { name, exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

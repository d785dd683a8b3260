import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  login,
  newBrowser,
  newPage,
  type PageOptions,
  SETUP_TIMEOUT,
  type SeededCompany,
  seedCompany,
  startServer,
  type TestServer,
} from './support.ts';

/** What a suite's tests run against; read it inside tests and hooks, once the suite has set it up. */
export interface Stage {
  readonly server: TestServer;
  readonly browser: Browser;
  readonly company: SeededCompany;
  /** A fresh page (own cookies and storage), signed in as `userLogin`. */
  signIn(userLogin: string, options?: PageOptions): Promise<Page>;
}

function ready<T>(part: T | undefined): T {
  if (part === undefined) throw new Error('the suite has not set up its stage yet');
  return part;
}

/**
 * A suite's stage: before its tests, a fresh server with the seeded company, whatever `prepare` adds
 * (templates, running processes) and a browser; after them, both closed. Call it inside `describe`.
 *
 * @example
 * const stage = suiteStage((server) => publish(server, fixture('vacation.json')));
 * it('approves on a phone', async () => {
 *   const page = await stage.signIn(stage.company.head, { viewport: PHONE });
 * });
 */
export function suiteStage(
  prepare: (server: TestServer, company: SeededCompany) => Promise<unknown> = async () => {},
  serverOptions: Parameters<typeof startServer>[0] = {},
): Stage {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let company: SeededCompany | undefined;

  beforeAll(async () => {
    server = await startServer(serverOptions);
    company = await seedCompany(server);
    await prepare(server, company);
    browser = await newBrowser();
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const stage: Stage = {
    get server() {
      return ready(server);
    },
    get browser() {
      return ready(browser);
    },
    get company() {
      return ready(company);
    },
    async signIn(userLogin, options) {
      const page = await newPage(stage.browser, stage.server, options);
      await login(page, userLogin);
      return page;
    },
  };
  return stage;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface ApiTask {
  id: string;
  instanceId: string;
  nodeId: string;
  status: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A client of `/api/v1` for tests that kill the server: `persist` retries what fails to connect (or is
 * cut off) until the server answers, within a bound. Anything with a status is the caller's to judge.
 */
export class ApiClient {
  /** Requests that failed to connect or were cut off and were sent again. */
  retries = 0;

  constructor(
    private readonly base: string,
    private readonly token: string,
  ) {}

  async request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${this.base}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text === '' ? null : JSON.parse(text)) as T,
    } satisfies Answer<T>;
  }

  /** Sends until the server answers (retrying connection errors and 503s) or `timeoutMs` passes. */
  async persist<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    timeoutMs = 60_000,
  ): Promise<Answer<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const answer = await this.request<T>(method, path, body, headers);
        if (answer.status !== 503) return answer;
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
      if (Date.now() >= deadline) throw new Error(`${method} ${path}: no answer within ${timeoutMs} ms`);
      this.retries++;
      await sleep(100);
    }
  }

  /** Creates the draft and publishes it. */
  async publish(definition: { key: string }): Promise<void> {
    const draft = await this.persist('PUT', `/definitions/${definition.key}/draft`, definition);
    if (draft.status !== 200)
      throw new Error(`draft ${definition.key}: ${draft.status} ${JSON.stringify(draft.body)}`);
    const published = await this.persist('POST', `/definitions/${definition.key}/publish`);
    if (published.status !== 200)
      throw new Error(`publish ${definition.key}: ${published.status} ${JSON.stringify(published.body)}`);
  }

  /** Every open task of a definition, page by page. */
  async openTasks(definitionKey: string): Promise<ApiTask[]> {
    const tasks: ApiTask[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ status: 'open', definitionKey, limit: '200' });
      if (cursor !== null) query.set('cursor', cursor);
      const page = await this.persist<{ items: ApiTask[]; nextCursor: string | null }>(
        'GET',
        `/tasks?${query}`,
      );
      if (page.status !== 200) throw new Error(`list tasks: ${page.status} ${JSON.stringify(page.body)}`);
      tasks.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    return tasks;
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inParallel<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++] as T);
  });
  await Promise.all(lanes);
}

export { sleep };

type Halted = () => boolean;

/**
 * Runs the parts of a load test side by side. The first to fail halts the others (each looks at
 * `halted()` in its loops), and all have ended before this settles: nothing outlives the test.
 */
export async function together(...parts: ((halted: Halted) => Promise<unknown>)[]): Promise<void> {
  let failed = false;
  const results = await Promise.allSettled(
    parts.map((part) =>
      part(() => failed).catch((error: unknown) => {
        failed = true;
        throw error;
      }),
    ),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** Polls until `ready()`; throws once `halted()` or after `ms`. */
export async function waitUntil(
  ready: () => boolean,
  ms: number,
  what: string,
  halted: Halted,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ready()) {
    if (halted()) throw new Error(`${what}: halted`);
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await sleep(20);
  }
}

import { Worker } from 'node:worker_threads';
import type { DocumentFormat } from './formats.ts';
import type { StoredTemplate } from './render.ts';
import { TemplateProblem } from './template-problem.ts';

/** A document that takes longer than this is refused (a template looping over a huge list, say). */
const RENDER_TIMEOUT_MS = 60_000;
/** The thread's heap: a document that needs more fails alone instead of taking the server down. */
const HEAP_MB = 512;

// CommonJS run by the thread: loads render.ts through tsx (as bin/baton.js does) and renders on request.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  (await import(workerData.tsx)).register();
  const { renderDocument } = await import(workerData.render);
  parentPort.on('message', async ({ id, template, format, data, title }) => {
    try {
      const file = await renderDocument(template, format, data, title);
      // Copied, not transferred: a small Buffer lies in Node's shared pool.
      parentPort.postMessage({ id, file });
    } catch (error) {
      const problem = error && error.name === 'TemplateProblem';
      parentPort.postMessage({ id, error: problem
        ? { problem, message: error.summary, problems: error.problems }
        : { problem, message: String(error && error.message), problems: [] } });
    }
  });
})().catch((error) => { throw error; });
`;

interface Pending {
  resolve(file: Buffer): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

type Reply =
  | { id: number; file: Uint8Array }
  | { id: number; error: { problem: boolean; message: string; problems: string[] } };

/**
 * Renders documents on a thread of their own: a PDF page takes pdfmake tens of milliseconds of CPU,
 * which on the event loop every request in flight would wait out. One thread, started on first use,
 * not keeping the process alive while idle; if it dies (out of memory), what it held fails and the
 * next document starts a new one.
 */
export class DocumentRenderer {
  constructor(private readonly limits = { timeoutMs: RENDER_TIMEOUT_MS, heapMb: HEAP_MB }) {}

  #worker: Worker | null = null;
  readonly #pending = new Map<number, Pending>();
  #next = 0;

  render(
    template: StoredTemplate,
    format: DocumentFormat,
    data: Record<string, unknown>,
    title: string,
  ): Promise<Buffer> {
    const worker = this.#thread();
    const id = this.#next++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Everything on the thread goes with it; the next document starts a new one.
        this.#worker = null;
        this.#fail(
          new TemplateProblem(`the document took longer than ${this.limits.timeoutMs / 1000} s to make`),
        );
        void worker.terminate();
      }, this.limits.timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({ id, template, format, data, title });
    });
  }

  #thread(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(SOURCE, {
      eval: true,
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
      workerData: {
        tsx: import.meta.resolve('tsx/esm/api'),
        render: new URL('./render.ts', import.meta.url).href,
      },
    });
    worker.on('message', (reply: Reply) => this.#settle(reply));
    // Out of memory, say: what it held fails (retried as jobs are); a thread replaced after a timeout
    // has already failed its documents.
    const died = (why: string) => {
      if (this.#worker !== worker) return;
      this.#worker = null;
      this.#fail(new Error(why));
    };
    worker.on('error', (error) => died(`the document thread failed: ${error.message}`));
    worker.on('exit', () => died('the document thread stopped'));
    worker.unref();
    this.#worker = worker;
    return worker;
  }

  #settle(reply: Reply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.#pending.size === 0) this.#worker?.unref();
    if ('file' in reply)
      pending.resolve(Buffer.from(reply.file.buffer, reply.file.byteOffset, reply.file.byteLength));
    else if (reply.error.problem)
      pending.reject(new TemplateProblem(reply.error.message, reply.error.problems));
    else pending.reject(new Error(reply.error.message));
  }

  #fail(error: Error): void {
    for (const [id, pending] of this.#pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.#pending.delete(id);
    }
  }
}

/** This process's document thread. */
export const documentRenderer = new DocumentRenderer();

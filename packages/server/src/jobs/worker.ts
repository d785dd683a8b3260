import type { Runtime } from '../runtime/context.ts';
import type { JobHandler } from './handler.ts';
import { PermanentFailure } from './handlers/webhook.ts';
import { claimJobs, failJob, finishJob, type Job, nextDueAt } from './queue.ts';

export interface WorkerOptions {
  id: string;
  /** Jobs run at once by this worker. */
  concurrency: number;
  /** How long a claimed job stays locked; a worker that dies releases its jobs after this. */
  lockMs: number;
  /** Longest sleep between looks at the queue when nothing wakes the worker. */
  pollMs: number;
  maxAttempts: number;
}

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, 'id'> = {
  concurrency: 8,
  lockMs: 30_000,
  pollMs: 1_000,
  maxAttempts: 10,
};

/**
 * Claims due jobs and runs their handlers until stopped. Woken at once by `wake()` (same process)
 * or a PostgreSQL NOTIFY (see notify.ts); otherwise it sleeps until the next job is due.
 */
export class Worker {
  private readonly handlers: Map<string, JobHandler>;
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop: Promise<void> | null = null;
  private signal: (() => void) | null = null;
  private woken = false;

  constructor(
    private readonly rt: Runtime,
    handlers: readonly JobHandler[],
    private readonly options: WorkerOptions,
  ) {
    this.handlers = new Map(handlers.map((h) => [h.kind, h]));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops claiming, waits for the jobs in flight to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  wake(): void {
    this.woken = true;
    this.signal?.();
  }

  private async run(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    while (this.running) {
      this.woken = false;
      const room = this.options.concurrency - this.inFlight.size;
      let claimed: Job[] = [];
      if (room > 0) {
        try {
          claimed = await claimJobs(this.rt.db, {
            workerId: this.options.id,
            kinds,
            limit: room,
            lockMs: this.options.lockMs,
            now: this.rt.now(),
          });
        } catch (error) {
          this.rt.log.error({ err: error }, 'claiming jobs failed');
        }
      }
      for (const job of claimed) this.track(this.perform(job));
      if (claimed.length > 0 && claimed.length === room) continue;
      if (!this.running || this.woken) continue;
      await this.sleep(kinds, room > 0);
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => {
      this.inFlight.delete(work);
      this.wake();
    });
  }

  private async sleep(kinds: string[], queueMayHaveMore: boolean): Promise<void> {
    let ms = this.options.pollMs;
    if (queueMayHaveMore) {
      const due = await nextDueAt(this.rt.db, kinds).catch(() => null);
      if (due !== null) ms = Math.max(0, Math.min(ms, due - this.rt.now()));
    }
    if (ms === 0 || this.woken) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.signal = done;
    });
  }

  private async perform(job: Job): Promise<void> {
    const handler = this.handlers.get(job.kind);
    if (!handler) return;
    const db = this.rt.db.kysely;
    try {
      await handler.run(this.rt, job, (trx) => finishJob(trx ?? db, job, this.rt.now()));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const attempts = error instanceof PermanentFailure ? this.options.maxAttempts : job.attempts;
      this.rt.log.warn({ job: job.key, kind: job.kind, attempts: job.attempts, err: message }, 'job failed');
      await failJob(db, { ...job, attempts }, message, this.rt.now(), this.options.maxAttempts).catch(
        (e: unknown) => this.rt.log.error({ err: e, job: job.key }, 'could not record a job failure'),
      );
    }
  }
}

import type { StepCost } from './durable/measure-durable.ts';
import type { Mode, Result } from './measure.ts';
import type { DesignerLine } from './web/measure-designer.ts';

interface Target {
  target: string;
  met: (baton: Result, ratio: number | null) => boolean;
}

/**
 * The targets of the engine issue (memory: against bpmn-engine in memory) and of the durable-runtime
 * issue (sqlite, postgres, http: absolute, on the 2-core benchmark machine).
 */
const TARGETS: Record<Mode, Record<string, Target>> = {
  memory: {
    linear10: { target: 'ratio >= 200', met: (_, r) => (r ?? 0) >= 200 },
    approval: { target: 'ratio >= 200', met: (_, r) => (r ?? 0) >= 200 },
    construction1800: { target: 'baton p50Ms < 50', met: (b) => b.p50Ms < 50 },
  },
  sqlite: {
    linear10: { target: 'baton instancesPerSec >= 5000', met: (b) => b.instancesPerSec >= 5000 },
    approval: { target: 'baton instancesPerSec >= 1000', met: (b) => b.instancesPerSec >= 1000 },
    construction1800: { target: 'baton p50Ms < 1000', met: (b) => b.p50Ms < 1000 },
  },
  postgres: {
    linear10: { target: 'baton instancesPerSec >= 1000', met: (b) => b.instancesPerSec >= 1000 },
  },
  http: {
    approval: { target: 'baton p95Ms < 15 at 64 clients', met: (b) => b.p95Ms < 15 },
    construction1800: { target: 'baton p95Ms < 15 at 64 clients', met: (b) => b.p95Ms < 15 },
  },
  web: {},
};

/** The web app issue's designer: the 1,800-task template opens in under 2 s and moves without stutter. */
const DESIGNER_TARGET = 'openMs < 2000; pan and zoom: frame p50 < 50 ms, under 15 % of frames over 50 ms';
const designerMet = (d: DesignerLine) =>
  d.openMs < 2000 &&
  [d.panNear, d.zoomNear, d.panAll, d.zoomAll].every((f) => f.p50 < 50 && f.janky < 0.15 * f.frames);

/** Requests in flight in the HTTP mode by default: the issue states its latency target at 64 clients. */
const HTTP_TARGET_CLIENTS = 64;

/**
 * Instances (HTTP: requests) in flight at once unless `--clients` says otherwise, and the only count a
 * target is judged at. Durably, 10 instances run at a time, as concurrent API requests would: their
 * commits share PostgreSQL's WAL flush (over the pool's 10 connections, BATON_DB_POOL) and SQLite's
 * group commit (packages/server/src/db/sqlite-group-commit.ts) — each step is still its own
 * transaction, durable before it is acknowledged. construction1800 is one instance; memory one at a time.
 */
export function defaultClients(bench: string, mode: Mode): number {
  if (mode === 'http') return HTTP_TARGET_CLIENTS;
  if (mode === 'memory' || bench === 'construction1800') return 1;
  return 10;
}

/** A step may not cost more late in a long instance than early (noise allowance 25 %). */
const STEP_GROWTH_LIMIT = 1.25;

/**
 * One summary line per mode that has a Baton result: `ratio` = Baton's instances/s over bpmn-engine's
 * (in memory for memory, the durable SQLite baseline for the durable modes), the target and whether it
 * is met; plus, where a step-cost check ran, the last-100 over first-100 completion cost.
 */
export function summaries(bench: string, modes: readonly Mode[], lines: readonly object[]): object[] {
  const results = lines.filter((l): l is Result => 'instancesPerSec' in l);
  const find = (engine: string, mode: Mode) => results.find((r) => r.engine === engine && r.mode === mode);
  const out: object[] = [];
  const designer = lines.find((l): l is DesignerLine => 'openMs' in l);
  if (designer && modes.includes('web'))
    out.push({ bench, mode: 'web', summary: true, target: DESIGNER_TARGET, met: designerMet(designer) });
  for (const mode of modes) {
    const baton = find('baton', mode);
    if (!baton) continue;
    const peer = find('bpmn-engine', mode === 'memory' ? 'memory' : 'sqlite');
    const ratio = peer ? Math.round((baton.instancesPerSec / peer.instancesPerSec) * 10) / 10 : null;
    // With other than the default clients (--clients) a run is a probe, not the target's measurement.
    const probe = baton.concurrency !== undefined && baton.concurrency !== defaultClients(bench, mode);
    const target = probe ? undefined : TARGETS[mode][bench];
    out.push({
      bench,
      mode,
      summary: true,
      ...(ratio === null ? {} : { ratio }),
      ...(target ? { target: target.target, met: target.met(baton, ratio) } : {}),
    });
    const cost = lines.find((l): l is StepCost => 'check' in l && (l as StepCost).mode === mode);
    if (cost) {
      const growth = Math.round((cost.last100Ms / cost.first100Ms) * 100) / 100;
      out.push({
        bench,
        mode,
        summary: true,
        check: 'stepCost',
        ratio: growth,
        target: `last100Ms / first100Ms <= ${STEP_GROWTH_LIMIT}`,
        met: growth <= STEP_GROWTH_LIMIT,
      });
    }
  }
  return out;
}

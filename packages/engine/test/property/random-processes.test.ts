import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile, type HistoryEvent, type SimulationResult, simulate } from '../../src/index.ts';
import { blockArb, build, type Generated, hasMessage } from './graphs.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

function run(generated: Generated, x: number): { result: SimulationResult; history: HistoryEvent[] } {
  const out = compile(generated.definition);
  if (!out.ok) throw new Error(`generated graph does not compile: ${JSON.stringify(out.problems)}`);
  const history: HistoryEvent[] = [];
  const result = simulate(out.compiled, {
    params: { x },
    answers: generated.answers,
    onHistory: (h) => history.push(h),
  });
  return { result, history };
}

/** `node.completed` at most once per token: a token is one activation of one node. */
function completionsPerToken(history: HistoryEvent[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const h of history) {
    if (h.type !== 'node.completed') continue;
    const key = `${h.nodeId}/${h.tokenId}`;
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

/** Every created task is completed or cancelled exactly once. */
function unsettledTasks(history: HistoryEvent[]): string[] {
  const open = new Map<string, number>();
  for (const h of history) {
    if (!h.taskId) continue;
    if (h.type === 'task.created') open.set(h.taskId, 0);
    if (h.type === 'task.completed' || h.type === 'task.cancelled')
      open.set(h.taskId, (open.get(h.taskId) ?? 0) + 1);
  }
  return [...open].filter(([, settled]) => settled !== 1).map(([id]) => id);
}

const x = fc.integer({ min: 0, max: 11 });

describe('random structured processes', () => {
  it('always compile without errors', () => {
    fc.assert(
      fc.property(blockArb({ messages: true }), (block) => {
        const out = compile(build(block).definition);
        expect(out.ok ? [] : out.problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('run to completion with every token at an end and nothing left behind', () => {
    fc.assert(
      fc.property(blockArb({ messages: false }), x, (block, value) => {
        const { result } = run(build(block), value);
        expect(result.state.error).toBeNull();
        expect(result.state.status).toBe('completed');
        expect(result.state.tokens).toEqual([]);
        expect(result.state.waits).toEqual([]);
        expect(result.state.joins).toEqual([]);
        expect(result.state.scopes.map((s) => s.kind)).toEqual(['root']);
      }),
      { numRuns: RUNS },
    );
  });

  it('never complete a node twice for the same token, and settle every task once', () => {
    fc.assert(
      fc.property(blockArb({ messages: false }), x, (block, value) => {
        const { history } = run(build(block), value);
        expect(completionsPerToken(history)).toEqual([]);
        expect(unsettledTasks(history)).toEqual([]);
        expect(history.filter((h) => h.type === 'instance.completed')).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('end completed or stuck on message waits only, when they wait for messages', () => {
    fc.assert(
      fc.property(blockArb({ messages: true }), x, (block, value) => {
        const { result, history } = run(build(block), value);
        const { state } = result;
        expect(completionsPerToken(history)).toEqual([]);
        if (state.status === 'completed') {
          expect(state.tokens).toEqual([]);
          return;
        }
        expect(hasMessage(block)).toBe(true);
        expect(state.error?.code).toBe('SIMULATION_STUCK');
        expect(state.waits.length).toBeGreaterThan(0);
        expect(state.waits.filter((w) => w.kind !== 'message')).toEqual([]);
        const stuck = state.tokens.filter(
          (t) => !(t.phase === 'joining' || t.phase === 'inside' || t.nodeId.startsWith('msg')),
        );
        expect(stuck).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('are deterministic: the same inputs give the same history', () => {
    fc.assert(
      fc.property(blockArb({ messages: false }), x, (block, value) => {
        const generated = build(block);
        expect(run(generated, value).history).toEqual(run(generated, value).history);
      }),
      { numRuns: 100 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVITIES, BUILTIN_KINDS, type CompileOutcome, compile, simulate } from '../../src/index.ts';
import { blockArb, build } from './graphs.ts';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);

/** compile's contract: an outcome, never an exception; a failure lists at least one located error. */
function wellFormed(out: CompileOutcome): void {
  if (out.ok) {
    expect(out.warnings.every((p) => p.severity === 'warning')).toBe(true);
    return;
  }
  expect(out.problems.some((p) => p.severity === 'error')).toBe(true);
  for (const p of out.problems) {
    expect(typeof p.code).toBe('string');
    expect(typeof p.message).toBe('string');
    expect(p.message.length).toBeGreaterThan(0);
  }
}

const TYPES = [
  ...BUILTIN_KINDS,
  ...Object.keys(ACTIVITIES),
  'toString',
  '__proto__',
  'constructor',
  'frobnicate',
];
const NAMES = ['x', 'amount', 'int', 'map', '__proto__', 'in', 'document', 'starter', 'a'];
const SNIPPETS = ['x > 1', 'true', 'amount >', 'nobody == 1', '{{ x }}', '"a" + 1', 'size(x)', ')', ''];

/** Definition-shaped JSON with plausible and implausible parts mixed, to get past the schema. */
const definitionish = fc.record(
  {
    // Mostly valid at the schema level, so that the graph and expression checks run.
    key: fc.constantFrom('k', 'k', 'k', 'k', 'bad key'),
    name: fc.constant('n'),
    parameters: fc.array(
      fc.record({ id: fc.constantFrom(...NAMES), type: fc.constantFrom('number', 'string', 'json') }),
    ),
    variables: fc.array(
      fc.record({ id: fc.constantFrom(...NAMES), type: fc.constantFrom('number', 'boolean') }),
    ),
    nodes: fc.array(
      fc.record(
        {
          id: fc.constantFrom('s', 'a', 'b', 'c', 'e', 'sub'),
          type: fc.constantFrom(...TYPES),
          config: fc.oneof(
            fc.constant({}),
            fc.dictionary(
              fc.constantFrom('to', 'text', 'duration', 'message', 'entry', 'values', 'errorCode'),
              fc.anything(),
            ),
            fc.record({ duration: fc.constantFrom('PT1H', 'P1X', ''), message: fc.constantFrom('m', '') }),
          ),
          parent: fc.constantFrom('sub', 'a', 'nowhere'),
          attachedTo: fc.constantFrom('a', 'b', 'nowhere'),
          multiInstance: fc.record(
            { cardinality: fc.constantFrom(...SNIPPETS), elementVariable: fc.constantFrom('', ...NAMES) },
            { requiredKeys: [] },
          ),
        },
        { requiredKeys: ['id', 'type'] },
      ),
      { maxLength: 8 },
    ),
    flows: fc.array(
      fc.record(
        {
          id: fc.constantFrom('f1', 'f2', 'f3', 'a'),
          source: fc.constantFrom('s', 'a', 'b', 'c', 'e', 'ghost'),
          target: fc.constantFrom('s', 'a', 'b', 'c', 'e', 'ghost'),
          condition: fc.constantFrom(...SNIPPETS),
          default: fc.boolean(),
          trigger: fc.constantFrom(
            { kind: 'command', command: 'go', allowed: 'actor.id == "x"' },
            { kind: 'timer', duration: 'PT1H' },
            { kind: 'message', message: 'm' },
          ),
        },
        { requiredKeys: ['id', 'source', 'target'] },
      ),
      { maxLength: 8 },
    ),
  },
  { requiredKeys: ['key', 'name', 'nodes'] },
);

type Json = Record<string, unknown>;

/** One random edit to a well-formed definition. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('dropNode' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('dropFlow' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('retarget' as const),
    at: fc.nat(),
    to: fc.constantFrom('ghost', 'start1', 'end'),
  }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), type: fc.constantFrom(...TYPES) }),
  fc.record({ op: fc.constant('config' as const), at: fc.nat(), config: fc.anything() }),
  fc.record({ op: fc.constant('condition' as const), at: fc.nat(), condition: fc.constantFrom(...SNIPPETS) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('parent' as const),
    at: fc.nat(),
    parent: fc.constantFrom('sub2', 'nowhere', 'start1'),
  }),
  fc.record({ op: fc.constant('field' as const), key: fc.string(), value: fc.anything() }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(def: Json, edits: Mutation[]): Json {
  const out = structuredClone(def) as { nodes: Json[]; flows: Json[] } & Json;
  for (const e of edits as unknown as { op: string; at: number; [k: string]: unknown }[]) {
    const node = out.nodes[e.at % Math.max(out.nodes.length, 1)];
    const flow = out.flows[e.at % Math.max(out.flows.length, 1)];
    if (e.op === 'dropNode') out.nodes.splice(e.at % Math.max(out.nodes.length, 1), 1);
    if (e.op === 'dropFlow') out.flows.splice(e.at % Math.max(out.flows.length, 1), 1);
    if (e.op === 'retarget' && flow) flow.target = e.to;
    if (e.op === 'retype' && node) node.type = e.type;
    if (e.op === 'config' && node) node.config = e.config;
    if (e.op === 'condition' && flow) flow.condition = e.condition;
    if (e.op === 'duplicate' && node) out.nodes.push(structuredClone(node));
    if (e.op === 'parent' && node) node.parent = e.parent;
    if (e.op === 'field') out[e.key as string] = e.value;
  }
  return out;
}

describe('compile never throws', () => {
  it('on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        wellFormed(compile(value));
      }),
      { numRuns: RUNS },
    );
  });

  it('on definition-shaped JSON with mistakes everywhere', () => {
    fc.assert(
      fc.property(definitionish, (value) => {
        wellFormed(compile(value));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('on mutated well-formed graphs, and what still compiles runs without an internal error', () => {
    fc.assert(
      fc.property(
        blockArb({ messages: true }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (block, edits) => {
          const def = mutate(build(block).definition as unknown as Json, edits);
          const out = compile(def);
          wellFormed(out);
          if (!out.ok) return;
          const { state } = simulate(out.compiled, { params: { x: 3 }, maxEvents: 500 });
          expect(state.error?.code).not.toBe('INTERNAL');
        },
      ),
      { numRuns: RUNS * 2 },
    );
  });
});

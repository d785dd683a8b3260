import fc from 'fast-check';
import type { Answer, DefinitionInput } from '../../src/index.ts';

type NodeInput = DefinitionInput['nodes'][number];
type FlowInput = NonNullable<DefinitionInput['flows']>[number];

/**
 * A structured process: blocks composed in series, in parallel (split + matching join), as a choice
 * (exclusive with a default flow, merged again), an inclusive split/join, a counted loop, or a
 * sub-process. Structured composition keeps every generated graph well-formed.
 */
export type Block =
  | { kind: 'auto' }
  | {
      kind: 'task';
      afterMinutes: number;
      deadlineMinutes: number | null;
      instances: number;
      sequential: boolean;
    }
  | { kind: 'timer'; minutes: number }
  | { kind: 'message' }
  | { kind: 'seq'; items: Block[] }
  | { kind: 'par'; branches: Block[] }
  | { kind: 'choice'; branches: Block[]; thresholds: number[] }
  | { kind: 'incl'; branches: Block[]; thresholds: number[] }
  | { kind: 'loop'; body: Block; times: number }
  | { kind: 'sub'; body: Block };

/** Random blocks; message waits only when asked (a simulation cannot send them). */
export function blockArb(options: { messages: boolean }): fc.Arbitrary<Block> {
  const leaves: fc.Arbitrary<Block>[] = [
    fc.constant({ kind: 'auto' as const }),
    fc.record({
      kind: fc.constant('task' as const),
      afterMinutes: fc.integer({ min: 0, max: 120 }),
      deadlineMinutes: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
      instances: fc.constantFrom(1, 1, 1, 2, 3),
      sequential: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('timer' as const), minutes: fc.integer({ min: 1, max: 600 }) }),
  ];
  if (options.messages) leaves.push(fc.constant({ kind: 'message' as const }));
  const thresholds = (n: number) => fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n });
  const { block } = fc.letrec<{ block: Block }>((tie) => {
    const branches = fc.array(tie('block'), { minLength: 2, maxLength: 3 });
    return {
      block: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.oneof(...leaves),
        fc.record({ kind: fc.constant('seq' as const), items: branches }),
        fc.record({ kind: fc.constant('par' as const), branches }),
        branches.chain((b) =>
          thresholds(b.length).map((t) => ({ kind: 'choice' as const, branches: b, thresholds: t })),
        ),
        branches.chain((b) =>
          thresholds(b.length).map((t) => ({ kind: 'incl' as const, branches: b, thresholds: t })),
        ),
        fc.record({
          kind: fc.constant('loop' as const),
          body: tie('block'),
          times: fc.integer({ min: 1, max: 3 }),
        }),
        fc.record({ kind: fc.constant('sub' as const), body: tie('block') }),
      ),
    };
  });
  return block;
}

export interface Generated {
  definition: DefinitionInput;
  answers: Record<string, Answer[]>;
}

/** Builds the definition of `start → block → end`, with answers that delay each task. */
export function build(block: Block): Generated {
  const nodes: NodeInput[] = [];
  const flows: FlowInput[] = [];
  const variables: NonNullable<DefinitionInput['variables']> = [];
  const answers: Record<string, Answer[]> = {};
  let n = 0;
  const id = (prefix: string) => `${prefix}${++n}`;
  const add = (prefix: string, type: string, parent: string | undefined, more: Partial<NodeInput> = {}) => {
    const nodeId = id(prefix);
    nodes.push({ id: nodeId, type, ...(parent ? { parent } : {}), ...more });
    return nodeId;
  };
  const link = (source: string, target: string, more: Partial<FlowInput> = {}) => {
    flows.push({ id: id('f'), source, target, ...more });
  };

  /** Emits a block; returns its entry and exit nodes. */
  const emit = (b: Block, parent: string | undefined): { first: string; last: string } => {
    switch (b.kind) {
      case 'auto': {
        const a = add('auto', 'automatic', parent);
        return { first: a, last: a };
      }
      case 'task': {
        const config = b.deadlineMinutes === null ? {} : { deadline: `PT${b.deadlineMinutes}M` };
        const multi =
          b.instances > 1
            ? { multiInstance: { cardinality: String(b.instances), sequential: b.sequential } }
            : {};
        const t = add('task', 'userTask', parent, { config, ...multi });
        answers[t] = Array.from({ length: 40 }, () => ({ $after: `PT${b.afterMinutes}M` }));
        if (b.deadlineMinutes === null) return { first: t, last: t };
        // An interrupting deadline: the task or its escalation goes on, never both.
        const late = add('late', 'timerBoundary', parent, {
          attachedTo: t,
          config: { duration: `PT${b.deadlineMinutes}M` },
        });
        const merge = add('merge', 'exclusive', parent);
        link(t, merge);
        link(late, merge);
        return { first: t, last: merge };
      }
      case 'timer': {
        const t = add('timer', 'timer', parent, { config: { duration: `PT${b.minutes}M` } });
        return { first: t, last: t };
      }
      case 'message': {
        const m = add('msg', 'message', parent, { config: { message: `m${n}` } });
        return { first: m, last: m };
      }
      case 'seq': {
        const parts = b.items.map((item) => emit(item, parent));
        for (let i = 1; i < parts.length; i++)
          link((parts[i - 1] as { last: string }).last, (parts[i] as { first: string }).first);
        return {
          first: (parts[0] as { first: string }).first,
          last: (parts.at(-1) as { last: string }).last,
        };
      }
      case 'par':
      case 'choice':
      case 'incl': {
        const type = b.kind === 'par' ? 'parallel' : b.kind === 'choice' ? 'exclusive' : 'inclusive';
        const split = add('split', type, parent);
        const join = add('join', type, parent);
        b.branches.forEach((branch, i) => {
          const part = emit(branch, parent);
          const threshold = b.kind === 'par' ? undefined : (b.thresholds[i] as number);
          const guard =
            threshold === undefined ? {} : i === 0 ? { default: true } : { condition: `x > ${threshold}` };
          link(split, part.first, guard);
          link(part.last, join);
        });
        return { first: split, last: join };
      }
      case 'loop': {
        const counter = id('c');
        variables.push({ id: counter, type: 'number', default: 0 });
        const entry = add('again', 'exclusive', parent);
        const body = emit(b.body, parent);
        const count = add('count', 'setVariables', parent, {
          config: { values: { [counter]: `${counter} + 1` } },
        });
        const test = add('more', 'exclusive', parent);
        link(entry, body.first);
        link(body.last, count);
        link(count, test);
        link(test, entry, { condition: `${counter} < ${b.times}` });
        const exit = add('out', 'exclusive', parent);
        link(test, exit, { default: true });
        return { first: entry, last: exit };
      }
      case 'sub': {
        const s = add('sub', 'subProcess', parent);
        const start = add('subStart', 'start', s);
        const end = add('subEnd', 'end', s);
        const body = emit(b.body, s);
        link(start, body.first);
        link(body.last, end);
        return { first: s, last: s };
      }
    }
  };

  const start = add('start', 'start', undefined);
  const body = emit(block, undefined);
  const end = add('end', 'end', undefined);
  link(start, body.first);
  link(body.last, end);
  return {
    definition: {
      key: 'random',
      name: 'Random structured process',
      parameters: [{ id: 'x', type: 'number' }],
      variables,
      nodes,
      flows,
    },
    answers,
  };
}

/** Whether a block contains a message wait on every path (then a simulation cannot finish). */
export function hasMessage(b: Block): boolean {
  switch (b.kind) {
    case 'message':
      return true;
    case 'seq':
      return b.items.some(hasMessage);
    case 'par':
    case 'choice':
    case 'incl':
      return b.branches.some(hasMessage);
    case 'loop':
    case 'sub':
      return hasMessage(b.body);
    default:
      return false;
  }
}

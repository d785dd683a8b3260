import { describe, expect, it } from 'vitest';
import { compile, MAX_SUBPROCESS_DEPTH } from '../../src/index.ts';
import { chain, definition, end, flow, located, node, problemsOf, start } from '../helpers.ts';

describe('compile: sub-processes inside one another', () => {
  it('reports sub-processes that contain each other, naming the cycle', () => {
    const def = definition({
      nodes: [
        start(),
        node('a', 'subProcess', undefined, { parent: 'b' }),
        node('b', 'subProcess', undefined, { parent: 'a' }),
        end(),
      ],
      flows: [flow('start', 'end')],
    });
    const problems = problemsOf(def);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'BAD_REFERENCE',
        nodeId: 'a',
        path: 'nodes[1].parent',
        message: 'parents form a cycle: a → b → a',
      }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ nodeId: 'b', message: 'parents form a cycle: b → a → b' }),
    );
  });

  it('accepts sub-processes nested 32 levels deep and reports the 33rd, however deep they go', () => {
    expect(compile(nestedSubProcesses(MAX_SUBPROCESS_DEPTH)).ok).toBe(true);
    expect(located(problemsOf(nestedSubProcesses(MAX_SUBPROCESS_DEPTH + 1)))).toEqual([
      { severity: 'error', code: 'BAD_STRUCTURE', nodeId: 'sub33', path: `nodes[${3 * 33 - 1}].parent` },
    ]);
    const published = compile(nestedSubProcesses(MAX_SUBPROCESS_DEPTH + 1), { published: true });
    expect(published.ok && located(published.warnings)).toEqual([
      { severity: 'warning', code: 'BAD_STRUCTURE', nodeId: 'sub33', path: `nodes[${3 * 33 - 1}].parent` },
    ]);
    // Far past the limit the check neither recurses nor walks every chain to its top.
    const deep = problemsOf(nestedSubProcesses(5_000)).filter((p) => p.code === 'BAD_STRUCTURE');
    expect(deep).toHaveLength(5_000 - MAX_SUBPROCESS_DEPTH);
  });
});

/** `levels` sub-processes, each inside the one before: sub<k> holds start<k> → sub<k+1> → end<k>. */
function nestedSubProcesses(levels: number) {
  const nodes = [start(), end()];
  const flows: ReturnType<typeof flow>[] = [];
  for (let k = 1; k <= levels; k++) {
    const parent = k === 1 ? {} : { parent: `sub${k - 1}` };
    nodes.push(
      node(`sub${k}`, 'subProcess', undefined, parent),
      start(`start${k}`, { parent: `sub${k}` }),
      end(`end${k}`, { parent: `sub${k}` }),
    );
    flows.push(
      ...(k === levels ? [flow(`start${k}`, `end${k}`)] : chain(`start${k}`, `sub${k + 1}`, `end${k}`)),
    );
  }
  flows.push(...chain('start', 'sub1', 'end'));
  return definition({ nodes, flows });
}

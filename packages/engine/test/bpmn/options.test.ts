import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import { compile } from '../../src/compile/compile.ts';
import type { DefinitionInput } from '../../src/model/index.ts';

const waiting: DefinitionInput = {
  key: 'order-review',
  name: 'Order review',
  options: { onAbsence: 'wait' },
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'review', type: 'userTask', config: { kind: 'review', assignees: ["'role:lawyer'"] } },
    { id: 'end', type: 'end' },
  ],
  flows: [
    { id: 'f1', source: 'start', target: 'review' },
    { id: 'f2', source: 'review', target: 'end' },
  ],
};

describe('definition options', () => {
  it('compiles with options.onAbsence and refuses an unknown policy', () => {
    const ok = compile(waiting);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.compiled.definition.options).toEqual({ onAbsence: 'wait' });
    const bad = compile({ ...waiting, options: { onAbsence: 'later' } } as unknown as DefinitionInput);
    expect(bad.ok).toBe(false);
  });

  it('travels through BPMN in <baton:definition>', async () => {
    const xml = await exportBpmn(waiting);
    expect(xml).toContain('"options":{"onAbsence":"wait"}');
    const { definition, problems } = await importBpmn(xml);
    expect(problems).toEqual([]);
    expect(definition?.options).toEqual({ onAbsence: 'wait' });
  });
});

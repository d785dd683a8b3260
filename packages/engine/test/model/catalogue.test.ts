import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import { compile } from '../../src/compile/compile.ts';
import { type DefinitionInput, definitionSchema, TEMPLATE_ICONS } from '../../src/model/index.ts';

const leave: DefinitionInput = {
  key: 'leave',
  name: 'Leave request',
  sort: 10,
  icon: 'beach',
  labels: ['HR', 'Отпуска'],
  nodes: [
    { id: 'start', type: 'start' },
    { id: 'end', type: 'end' },
  ],
  flows: [{ id: 'f1', source: 'start', target: 'end' }],
};

/** The schema problems `compile` reports for `leave` with `patch` applied. */
const problemsWith = (patch: Record<string, unknown>) => {
  const out = compile({ ...leave, ...patch } as DefinitionInput);
  return out.ok ? [] : out.problems.map((p) => ({ code: p.code, path: p.path, message: p.message }));
};

describe('catalogue settings: sort, icon and labels', () => {
  it('keeps a whole-number sort and a known icon', () => {
    const out = compile(leave);
    expect(out.ok).toBe(true);
    if (out.ok)
      expect(out.compiled.definition).toMatchObject({ sort: 10, icon: 'beach', labels: ['HR', 'Отпуска'] });
  });

  it('leaves both out when absent: they are optional', () => {
    const { sort: _sort, icon: _icon, labels: _labels, ...plain } = leave;
    const parsed = definitionSchema.parse(plain);
    expect('sort' in parsed || 'icon' in parsed || 'labels' in parsed).toBe(false);
  });

  it('refuses a sort that is not a whole number, naming the field', () => {
    for (const sort of [1.5, '3', null])
      expect(problemsWith({ sort })).toEqual([
        { code: 'SCHEMA', path: 'sort', message: 'must be a whole number' },
      ]);
    expect(problemsWith({ sort: 2_000_000 })).toEqual([
      { code: 'SCHEMA', path: 'sort', message: 'must be between -1000000 and 1000000' },
    ]);
  });

  it('refuses an icon outside the set, listing the ones there are', () => {
    expect(problemsWith({ icon: 'rocket' })).toEqual([
      { code: 'SCHEMA', path: 'icon', message: `must be one of: ${TEMPLATE_ICONS.join(', ')}` },
    ]);
    expect(TEMPLATE_ICONS).toContain('shopping-cart');
  });

  it('refuses a label twice (any letter case), more than ten, empty, too long or padded, naming it', () => {
    const at = (labels: unknown) => problemsWith({ labels }).map((p) => `${p.path}: ${p.message}`);
    expect(at(['HR', 'hr'])).toEqual(['labels[1]: "hr" is there twice']);
    expect(at(Array.from({ length: 11 }, (_, i) => `L${i}`))).toEqual(['labels: at most 10 labels']);
    expect(at([' HR'])).toEqual(['labels[0]: must not start or end with a space']);
    expect(at(['', 'x'.repeat(41)])).toEqual([
      'labels[0]: must not be empty',
      'labels[1]: must be at most 40 characters',
    ]);
  });

  it('travels through BPMN in <baton:definition>', async () => {
    const { definition, problems } = await importBpmn(await exportBpmn(leave));
    expect(problems).toEqual([]);
    expect(definition).toMatchObject({ sort: 10, icon: 'beach', labels: ['HR', 'Отпуска'] });
  });
});

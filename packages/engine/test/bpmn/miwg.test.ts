import { describe, expect, it } from 'vitest';
import { exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import { countElements, idsOf, miwgDir, miwgFiles, readMiwg, withoutStored } from './helpers.ts';

/** Elements Baton does not execute but must write back. */
const KEPT = [
  'collaboration',
  'participant',
  'messageFlow',
  'process',
  'lane',
  'textAnnotation',
  'association',
  'group',
  'category',
  'dataObject',
  'dataObjectReference',
  'dataStore',
  'dataStoreReference',
  'dataInputAssociation',
  'dataOutputAssociation',
  'message',
  'BPMNShape',
  'BPMNEdge',
  'BPMNLabel',
];

describe('BPMN MIWG reference models', () => {
  it(`are found in ${miwgDir}`, () => {
    expect(
      miwgFiles().length,
      `no *.bpmn in ${miwgDir}: clone the shared folder beside the repository`,
    ).toBeGreaterThan(0);
  });

  describe.each(miwgFiles())('%s', (file) => {
    it('imports, exports and imports again to the same definition, keeping everything else', async () => {
      const xml = readMiwg(file);
      const first = await importBpmn(xml);
      expect(first.definition, JSON.stringify(first.problems)).not.toBeNull();
      expect(first.definition?.nodes.length).toBeGreaterThan(0);

      const exported = await exportBpmn(first.definition ?? { key: 'x', name: 'x', nodes: [] });
      const second = await importBpmn(exported);

      expect(withoutStored(second.definition)).toEqual(withoutStored(first.definition));
      // Same problems, less the variables the first import declared (the export writes them down)
      // and the references the parser could not resolve (so they are not written back).
      const notInferred = first.problems.filter(
        (p) => p.code !== 'BPMN_INFERRED_VARIABLE' && p.code !== 'BPMN_PARSE_WARNING',
      );
      expect(second.problems).toEqual(notInferred);
      for (const name of KEPT) expect(countElements(exported, name), name).toBe(countElements(xml, name));
      const ids = new Set(idsOf(exported));
      expect(idsOf(xml).filter((id) => !ids.has(id))).toEqual([]);
    });
  });
});

import { describe, expect, it } from 'vitest';
import { type BpmnProblem, exportBpmn, importBpmn } from '../../src/bpmn/index.ts';
import { definitionSchema } from '../../src/model/index.ts';
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

/** What each reference model gets reported: `severity code elementType ×count`. */
const PROBLEMS: Record<string, string[]> = {
  'A.1.0.bpmn': [],
  'A.2.0.bpmn': [],
  'A.2.1.bpmn': [],
  'A.3.0.bpmn': ['error BPMN_UNSUPPORTED_ELEMENT bpmn:BoundaryEvent ×1'],
  'A.4.0.bpmn': ['warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×1'],
  'A.4.1.bpmn': ['warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×1'],
  'B.1.0.bpmn': [
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×3',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
  ],
  'B.2.0.bpmn': [
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:BoundaryEvent ×2',
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:IntermediateCatchEvent ×1',
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:StandardLoopCharacteristics ×1',
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×3',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
    'warning BPMN_THROW_IGNORED bpmn:EndEvent ×2',
    'warning BPMN_THROW_IGNORED bpmn:IntermediateThrowEvent ×1',
    'warning BPMN_UNSUPPORTED_ELEMENT bpmn:BoundaryEvent ×4',
    'warning BPMN_UNSUPPORTED_ELEMENT bpmn:EndEvent ×1',
    'warning BPMN_UNSUPPORTED_ELEMENT bpmn:IntermediateCatchEvent ×2',
    'warning BPMN_UNSUPPORTED_ELEMENT bpmn:IntermediateThrowEvent ×2',
  ],
  'C.1.0.bpmn': [
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×1',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
  ],
  'C.1.1.bpmn': [],
  'C.2.0.bpmn': [
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×3',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
  ],
  'C.3.0.bpmn': [
    'warning BPMN_INFERRED_VARIABLE ×2',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
  ],
  'C.4.0.bpmn': [
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×3',
    'warning BPMN_THROW_IGNORED bpmn:IntermediateThrowEvent ×1',
  ],
  'C.5.0.bpmn': [
    'warning BPMN_PROCESS_NOT_EXECUTED bpmn:Process ×1',
    'warning BPMN_THROW_IGNORED bpmn:EndEvent ×2',
  ],
  'C.6.0.bpmn': [
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:BoundaryEvent ×2',
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:IntermediateThrowEvent ×1',
    'error BPMN_UNSUPPORTED_ELEMENT bpmn:SubProcess ×1',
    'warning BPMN_START_TRIGGER_IGNORED bpmn:StartEvent ×1',
    'warning BPMN_UNSUPPORTED_ELEMENT bpmn:ServiceTask ×2',
  ],
  'C.7.0.bpmn': [],
  'C.8.0.bpmn': ['warning BPMN_INFERRED_VARIABLE ×2'],
  'C.8.1.bpmn': ['warning BPMN_INFERRED_VARIABLE ×2', 'warning BPMN_PARSE_WARNING bpmn:Operation ×3'],
  'C.9.0.bpmn': ['error BPMN_UNSUPPORTED_ELEMENT bpmn:SubProcess ×2', 'warning BPMN_INFERRED_VARIABLE ×6'],
  'C.9.1.bpmn': [],
  'C.9.2.bpmn': ['error BPMN_UNSUPPORTED_ELEMENT bpmn:SubProcess ×3'],
};

function summary(problems: BpmnProblem[]): string[] {
  const counts = new Map<string, number>();
  for (const p of problems) {
    const key = `${p.severity} ${p.code} ${p.elementType ?? ''}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `${key} ×${n}`).sort();
}

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
      const valid = definitionSchema.safeParse(first.definition);
      expect(valid.success, valid.error?.message).toBe(true);

      if (PROBLEMS[file]) expect(summary(first.problems)).toEqual(PROBLEMS[file]);

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

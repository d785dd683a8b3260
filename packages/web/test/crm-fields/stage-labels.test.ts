import { describe, expect, it } from 'vitest';
import { stageLabels, stageOptions } from '../../src/crm-fields/stage-labels.ts';
import { projects, sales } from '../crm/fixtures.ts';

describe('stage names in the field settings', () => {
  it('are the stages’ own with one pipeline', () => {
    expect(stageLabels([sales]).get('s4')).toBe('Won');
  });
  it('carry their pipeline’s name with several', () => {
    const labels = stageLabels([sales, projects]);
    expect(labels.get('s4')).toBe('Sales · Won');
    expect(labels.get('t2')).toBe('Projects · Done');
  });
  it('are offered grouped by pipeline, in order', () => {
    const groups = stageOptions([sales, projects]);
    expect(groups.map((g) => g.group)).toEqual(['Sales', 'Projects']);
    expect(groups[1]?.items).toEqual([
      { value: 't1', label: 'Projects · Brief' },
      { value: 't2', label: 'Projects · Done' },
      { value: 't3', label: 'Projects · Dropped' },
    ]);
  });
});

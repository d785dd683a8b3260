import { describe, expect, it } from 'vitest';
import {
  addStage,
  draftOfPipeline,
  draftProblem,
  moveStage,
  newPipelineDraft,
  pipelineBody,
  removeStage,
  stageErrorsOf,
} from '../../src/crm/pipelines/pipeline-draft.ts';
import { projects } from './fixtures.ts';

const names = {
  new: 'New',
  inProgress: 'In progress',
  quoteSent: 'Quote sent',
  won: 'Won',
  lost: 'Lost',
  converted: 'Converted',
  junk: 'Junk',
};
const shape = (stages: { name: string; kind: string }[]) => stages.map((s) => `${s.name}:${s.kind}`);

describe('a new pipeline', () => {
  it('starts with the usual sales stages, won and lost last', () => {
    const draft = newPipelineDraft(names);
    expect(shape(draft.stages)).toEqual([
      'New:open',
      'In progress:open',
      'Quote sent:open',
      'Won:won',
      'Lost:lost',
    ]);
    expect(new Set(draft.stages.map((s) => s.key)).size).toBe(5);
  });

  it('of leads starts with two open stages, then converted and junk', () => {
    const draft = newPipelineDraft(names, 'lead');
    expect(draft.entity).toBe('lead');
    expect(shape(draft.stages)).toEqual(['New:open', 'In progress:open', 'Converted:won', 'Junk:lost']);
  });

  it('is sent without stage ids', () => {
    const body = pipelineBody({ ...newPipelineDraft(names), name: ' Sales ' });
    expect(body.name).toBe('Sales');
    expect(body.stages.every((s) => !('id' in s))).toBe(true);
    expect(body.stages[3]).toEqual({ name: 'Won', kind: 'won', color: '#40c057' });
  });
});

describe('editing the stages', () => {
  const draft = draftOfPipeline(projects);

  it('adds an open stage before the closing ones', () => {
    expect(shape(addStage(draft.stages, 'Estimate'))).toEqual([
      'Brief:open',
      'Estimate:open',
      'Done:won',
      'Dropped:lost',
    ]);
  });

  it('moves a stage up and down, and not past either end', () => {
    expect(shape(moveStage(draft.stages, 1, -1)).slice(0, 2)).toEqual(['Done:won', 'Brief:open']);
    expect(shape(moveStage(draft.stages, 1, 1)).slice(1)).toEqual(['Dropped:lost', 'Done:won']);
    expect(moveStage(draft.stages, 0, -1)).toEqual(draft.stages);
    expect(moveStage(draft.stages, 2, 1)).toEqual(draft.stages);
  });

  it('keeps each stored stage by its id, renamed or moved, and leaves out a removed one', () => {
    const stages = moveStage(removeStage(draft.stages, 't3'), 1, -1).map((s) =>
      s.id === 't1' ? { ...s, name: 'Briefing' } : s,
    );
    expect(pipelineBody({ name: 'Projects', entity: 'deal', stages }).stages).toEqual([
      { id: 't2', name: 'Done', kind: 'won', color: '#40c057' },
      { id: 't1', name: 'Briefing', kind: 'open', color: '#15aabf' },
    ]);
  });
});

describe('what keeps a pipeline from being saved', () => {
  it('is a missing name, no stages, or a stage without a name', () => {
    const draft = draftOfPipeline(projects);
    expect(draftProblem(draft)).toBeNull();
    expect(draftProblem({ ...draft, name: ' ' })).toBe('nameRequired');
    expect(draftProblem({ ...draft, stages: [] })).toBe('noStages');
    expect(draftProblem({ ...draft, stages: addStage(draft.stages, '') })).toBe('stageNameRequired');
  });
});

describe("the server's messages about stages", () => {
  it('go to their rows and fields', () => {
    expect(
      stageErrorsOf({
        'stages.0.kind': 'must be open',
        'stages.2.name': 'used twice',
        'stages.2.color': 'not a colour',
        stages: 'needs a lost stage',
        name: 'required',
      }),
    ).toEqual({ 0: { kind: 'must be open' }, 2: { name: 'used twice', color: 'not a colour' } });
  });
});

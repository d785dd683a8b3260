import { describe, expect, it } from 'vitest';
import type { PipelineSummary } from '../../src/api/crm.ts';
import { boardColumns, findStage, pickPipeline, pickStage, stageColor } from '../../src/crm/board.ts';
import { projects, sales } from './fixtures.ts';

describe('the pipeline and stage the board shows', () => {
  it('is the one the address names', () => {
    expect(pickPipeline([sales, projects], 'p2')).toBe(projects);
    expect(pickStage(sales, 's3')?.name).toBe('Quote sent');
  });

  it('is the first when the address names none, or one that is gone', () => {
    expect(pickPipeline([sales, projects], null)).toBe(sales);
    expect(pickPipeline([sales, projects], 'deleted')).toBe(sales);
    expect(pickStage(sales, 't1')?.name).toBe('New');
  });

  it('is none when there is no pipeline', () => {
    expect(pickPipeline([], 'p1')).toBeNull();
  });
});

describe("the board's columns", () => {
  it("follow the pipeline's stage order with the summary's counts and sums per currency, largest first", () => {
    const summary: PipelineSummary = {
      stages: [
        { id: 's4', count: 1, amounts: { RUB: 90000 }, amount: 90000, currency: 'RUB' },
        { id: 's1', count: 3, amounts: { USD: 2000, RUB: 150000.5 }, amount: 150000.5, currency: 'RUB' },
      ],
    };
    const columns = boardColumns(sales, summary);
    expect(columns.map((c) => [c.stage.name, c.count, c.sums])).toEqual([
      [
        'New',
        3,
        [
          { currency: 'RUB', amount: 150000.5 },
          { currency: 'USD', amount: 2000 },
        ],
      ],
      ['In progress', 0, []],
      ['Quote sent', 0, []],
      ['Won', 1, [{ currency: 'RUB', amount: 90000 }]],
      ['Lost', 0, []],
    ]);
  });

  it('count nothing before the summary has come', () => {
    expect(boardColumns(projects, undefined).map((c) => [c.count, c.sums])).toEqual([
      [0, []],
      [0, []],
      [0, []],
    ]);
  });
});

describe('a stage', () => {
  it('is found in whichever pipeline holds it', () => {
    expect(findStage([sales, projects], 't2')?.pipeline).toBe(projects);
    expect(findStage([sales, projects], 'gone')).toBeNull();
  });

  it('is drawn in its own colour, else in its kind’s', () => {
    expect(stageColor({ color: '#7950f2', kind: 'open' })).toBe('#7950f2');
    expect(stageColor({ color: null as unknown as string, kind: 'lost' })).toBe('#fa5252');
  });
});

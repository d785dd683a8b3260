import { describe, expect, it } from 'vitest';
import { changesOf, draftOf, newDealDraft, newDealOf, rebase } from '../../src/crm/deals/deal-draft.ts';
import { amountOf, moveCarryingFields } from '../../src/crm/items/item-draft.ts';
import { deal, sales } from './fixtures.ts';

describe('a new deal', () => {
  it("starts in the pipeline's first stage, in roubles, with me responsible", () => {
    expect(newDealDraft(sales, 'ivan')).toMatchObject({
      pipelineId: 'p1',
      stageId: 's1',
      currency: 'RUB',
      responsibleId: 'ivan',
      amount: '',
    });
  });

  it('is sent without the fields left empty, its title and comment trimmed', () => {
    const draft = { ...newDealDraft(sales, null), title: '  Forklifts ', comment: '   ' };
    expect(newDealOf(draft)).toEqual({
      title: 'Forklifts',
      pipelineId: 'p1',
      stageId: 's1',
      currency: 'RUB',
    });
    expect(newDealOf({ ...draft, amount: 1200.5, contactId: 'c1' })).toMatchObject({
      amount: 1200.5,
      contactId: 'c1',
    });
  });
});

describe('an amount as typed', () => {
  it('is a number, or null for nothing', () => {
    expect(amountOf(150000)).toBe(150000);
    expect(amountOf('1 250,5')).toBe(1250.5);
    expect(amountOf('')).toBeNull();
    expect(amountOf('abc')).toBeNull();
  });
});

describe('the changes a save sends', () => {
  it('are none for an untouched deal', () => {
    expect(changesOf(deal(), draftOf(deal()))).toEqual({});
  });

  it('are only the fields that differ; an emptied one is cleared with null', () => {
    const draft = { ...draftOf(deal()), title: 'Forklifts ×3', amount: '', companyId: null };
    expect(changesOf(deal(), draft)).toEqual({ title: 'Forklifts ×3', amount: null, companyId: null });
  });

  it('carry the pipeline along with a moved stage', () => {
    const draft = { ...draftOf(deal()), stageId: 's3' };
    expect(changesOf(deal(), draft)).toEqual({ pipelineId: 'p1', stageId: 's3' });
  });
});

describe("the deal's own fields", () => {
  const withFields = deal({ fields: { signedOn: '2026-06-01', source: 'import' } });

  it('are sent whole when one changes, an emptied one left out', () => {
    const draft = { ...draftOf(withFields), fields: { signedOn: null, source: 'import', region: 'North' } };
    expect(changesOf(withFields, draft)).toEqual({ fields: { region: 'North', source: 'import' } });
  });

  it('are not sent when none changed, whatever their order', () => {
    const draft = {
      ...draftOf(withFields),
      fields: { source: 'import', signedOn: '2026-06-01', note: null },
    };
    expect(changesOf(withFields, draft)).toEqual({});
  });

  it('go with a new deal only when some are filled in', () => {
    const draft = newDealDraft(sales, null);
    expect(newDealOf({ ...draft, title: 'A', fields: { note: null } })).not.toHaveProperty('fields');
    expect(newDealOf({ ...draft, title: 'A', fields: { note: 'x' } }).fields).toEqual({ note: 'x' });
  });
});

describe('a stage move', () => {
  const moveOf = moveCarryingFields(changesOf);
  const at = deal({ version: 4, fields: { source: 'import' } });

  it("goes at the deal's version, the other edits left for Save", () => {
    const draft = { ...draftOf(at), title: 'Renamed' };
    expect(moveOf(at, draft, { id: 's4' })).toEqual({ stageId: 's4', version: 4 });
  });

  it('carries the fields filled in since the last save: the stage may require them', () => {
    const draft = { ...draftOf(at), fields: { ...at.fields, signedOn: '2026-06-01' } };
    expect(moveOf(at, draft, { id: 's4' })).toEqual({
      stageId: 's4',
      version: 4,
      fields: { signedOn: '2026-06-01', source: 'import' },
    });
  });
});

describe('a draft carried over to a newer deal', () => {
  it('keeps what was edited and takes the rest from the newer deal', () => {
    const opened = deal();
    const moved = deal({ stageId: 's2', version: 2, comment: 'Called them' });
    const draft = { ...draftOf(opened), title: 'Forklifts ×3' };
    expect(rebase(draft, opened, moved)).toEqual({
      ...draftOf(moved),
      title: 'Forklifts ×3',
    });
  });

  it('is the newer deal itself when nothing was edited', () => {
    const newer = deal({ amount: 99, version: 3 });
    expect(rebase(draftOf(deal()), deal(), newer)).toEqual(draftOf(newer));
  });
});

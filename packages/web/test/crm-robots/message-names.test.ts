import { describe, expect, it } from 'vitest';
import type { DealField } from '../../src/api/crm-deal-fields.ts';
import { insertSnippet, messageNames, placeholder } from '../../src/crm-robots/message-names.ts';

const signedOn: DealField = {
  key: 'signedOn',
  label: 'Signed on',
  type: 'date',
  options: [],
  required: false,
  requiredAtStages: [],
};

describe('the names a notice may use', () => {
  it("are the deal's built-in ones, then its own fields by label", () => {
    const names = messageNames([signedOn]);
    expect(names.map((n) => n.name)).toEqual([
      'responsible.name',
      'deal.title',
      'deal.company',
      'deal.contact',
      'deal.amount',
      'deal.stage',
      'deal.signedOn',
    ]);
    expect(names.at(-1)?.about).toEqual({ label: 'Signed on' });
    expect(names[0]?.about).toEqual({ key: 'responsible_name' });
    expect(placeholder('deal.title')).toBe('{{ deal.title }}');
  });
});

describe('a name put into the notice', () => {
  it('goes in at the caret, which moves past it', () => {
    expect(insertSnippet('Hello !', 6, 6, '{{ x }}')).toEqual({ text: 'Hello {{ x }}!', caret: 13 });
  });
  it('replaces the selection', () => {
    expect(insertSnippet('Hello you!', 6, 9, '{{ x }}')).toEqual({ text: 'Hello {{ x }}!', caret: 13 });
  });
  it('goes at the end when the caret is past it', () => {
    expect(insertSnippet('Hi', 10, 10, ' {{ x }}')).toEqual({ text: 'Hi {{ x }}', caret: 10 });
  });
});

import { describe, expect, it } from 'vitest';
import { insertSnippet, placeholder } from '../../src/crm/placeholders.ts';

describe('a name in a template', () => {
  it('is written in double braces with spaces', () => {
    expect(placeholder('deal.title')).toBe('{{ deal.title }}');
  });
});

describe('a name put into a template', () => {
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

import { describe, expect, it } from 'vitest';
import { identifiersOf } from '../../src/bpmn/variables.ts';

describe('identifiersOf', () => {
  it.each([
    ['deal.amount > limit', ['deal', 'limit']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a JUEL condition, not a template
    ["${clarified == 'yes'}", ['clarified']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a JUEL condition, not a template
    ['${!approved}', ['approved']],
    ['size(items) > 1e5 && x in [a, b.c]', ['items', 'x', 'a', 'b']],
    ["bpmn:getDataObject('approved')", []],
    ['true || null == false', []],
    ['"a " + name + \'b\'', ['name']],
  ])('%s → %j', (expression, names) => {
    expect(identifiersOf(expression)).toEqual(names);
  });
});

import { describe, expect, it } from 'vitest';
import { EMPTY_SENDING, recipientsOf, sendingOf } from '../../src/crm-quotes/quote-sending.ts';

describe('sending a quote', () => {
  it("leaves everything to the server's defaults when nothing is typed", () => {
    expect(sendingOf(EMPTY_SENDING)).toEqual({});
  });

  it('sends to the addresses typed, however separated', () => {
    expect(recipientsOf(' a@acme.test, b@acme.test;c@acme.test  d@acme.test ')).toEqual([
      'a@acme.test',
      'b@acme.test',
      'c@acme.test',
      'd@acme.test',
    ]);
  });

  it('sends the subject and letter trimmed, and the stage to move the deal to', () => {
    expect(
      sendingOf({ to: 'a@acme.test', subject: ' Our offer ', message: ' Hello ', stageId: 's3' }),
    ).toEqual({ to: ['a@acme.test'], subject: 'Our offer', message: 'Hello', stageId: 's3' });
  });
});

import { describe, expect, it } from 'vitest';
import type { CrmField } from '../../src/api/crm-fields.ts';
import { messageNames } from '../../src/crm-robots/message-names.ts';

const signedOn: CrmField = {
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
  });
});

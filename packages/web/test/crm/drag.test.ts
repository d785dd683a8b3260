import type { DragEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { DEAL_KIND } from '../../src/crm/deals/deal-kind.ts';
import { droppedItem, startItemDrag } from '../../src/crm/items/drag.ts';
import { LEAD_KIND } from '../../src/crm-leads/lead-kind.ts';

/** The data a drag carries, as a browser's DataTransfer keeps it: text by type. */
function dragData() {
  const data = new Map<string, string>();
  const transfer = {
    effectAllowed: 'none',
    setData: (type: string, text: string) => data.set(type, text),
    getData: (type: string) => data.get(type) ?? '',
  };
  return { transfer, event: { dataTransfer: transfer } as unknown as DragEvent };
}

const lead = { id: 'l1', title: 'Website request', version: 3, stageId: 's1', name: 'Anna Lebedeva' };

describe('a card dragged onto a column', () => {
  it('carries what moving its item needs, and nothing more', () => {
    const { transfer, event } = dragData();
    startItemDrag(LEAD_KIND, lead, event);
    expect(transfer.effectAllowed).toBe('move');
    expect(droppedItem(LEAD_KIND, transfer)).toEqual({
      id: 'l1',
      title: 'Website request',
      version: 3,
      stageId: 's1',
    });
  });

  it('is not taken by a board of another kind', () => {
    const { transfer, event } = dragData();
    startItemDrag(LEAD_KIND, lead, event);
    expect(droppedItem(DEAL_KIND, transfer)).toBeNull();
  });

  it('is nothing when the drop is text from elsewhere', () => {
    const { transfer } = dragData();
    transfer.setData('application/x-baton-deal', 'not json');
    expect(droppedItem(DEAL_KIND, transfer)).toBeNull();
    expect(droppedItem(DEAL_KIND, { getData: () => '' })).toBeNull();
  });
});

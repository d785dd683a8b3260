import type { Pipeline } from '../../src/api/crm.ts';
import type { Deal } from '../../src/api/crm-deals.ts';

/** A sales pipeline as the server answers it: three open stages, then won and lost. */
export const sales: Pipeline = {
  id: 'p1',
  name: 'Sales',
  sort: 1,
  entity: 'deal',
  stages: [
    { id: 's1', name: 'New', kind: 'open', color: '#15aabf' },
    { id: 's2', name: 'In progress', kind: 'open', color: '#228be6' },
    { id: 's3', name: 'Quote sent', kind: 'open', color: '#7950f2' },
    { id: 's4', name: 'Won', kind: 'won', color: '#40c057' },
    { id: 's5', name: 'Lost', kind: 'lost', color: '#fa5252' },
  ],
};

export const projects: Pipeline = {
  id: 'p2',
  name: 'Projects',
  sort: 2,
  entity: 'deal',
  stages: [
    { id: 't1', name: 'Brief', kind: 'open', color: '#15aabf' },
    { id: 't2', name: 'Done', kind: 'won', color: '#40c057' },
    { id: 't3', name: 'Dropped', kind: 'lost', color: '#fa5252' },
  ],
};

/** A deal on the sales pipeline's first stage, as GET /crm/deals/{id} answers it; `over` changes fields. */
export function deal(over: Partial<Deal> = {}): Deal {
  return {
    id: 'd1',
    title: 'Forklifts for ACME',
    pipelineId: 'p1',
    stageId: 's1',
    stageName: 'New',
    stageKind: 'open',
    amount: 150000,
    currency: 'RUB',
    contactId: 'c1',
    contactName: 'Pavel Orlov',
    companyId: 'co1',
    companyName: 'ACME',
    responsibleId: 'ivan',
    responsibleName: 'Ivan Petrov',
    comment: null,
    fields: {},
    version: 1,
    stageChangedAt: '2026-05-12T10:00:00.000Z',
    createdBy: 'ivan',
    createdAt: '2026-05-12T10:00:00.000Z',
    updatedAt: '2026-05-12T10:00:00.000Z',
    closedAt: null,
    stages: [{ stageId: 's1', stageName: 'New', enteredAt: '2026-05-12T10:00:00.000Z', by: 'ivan' }],
    ...over,
  } as Deal;
}

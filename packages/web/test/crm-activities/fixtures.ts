import type { Activity } from '../../src/api/crm-activities.ts';

/** A call Ivan is to make on a deal, as the server answers it; `over` changes fields. */
export function activity(over: Partial<Activity> = {}): Activity {
  return {
    id: 'a1',
    dealId: 'd1',
    dealTitle: 'Forklifts for ACME',
    entity: 'deal',
    kind: 'call',
    title: 'Call Pavel',
    dueAt: '2026-05-12T12:00:00.000Z',
    overdue: false,
    responsibleId: 'ivan',
    responsibleName: 'Ivan Petrov',
    comment: null,
    result: null,
    doneAt: null,
    doneBy: null,
    robotId: null,
    emailId: null,
    createdBy: 'ivan',
    createdAt: '2026-05-11T09:00:00.000Z',
    ...over,
  };
}
